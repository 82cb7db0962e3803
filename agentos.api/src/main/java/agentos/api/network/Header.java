package agentos.api.network;

/** One HTTP header; lists of headers keep duplicates and order. */
public record Header(String name, String value) {}
