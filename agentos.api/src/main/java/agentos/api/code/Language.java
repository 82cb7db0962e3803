package agentos.api.code;

/** Languages of execution contexts. */
public enum Language {
    JAVASCRIPT,
    TYPESCRIPT,
    PYTHON
}
