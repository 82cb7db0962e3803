package agentos.api.spi;

/** How a backend file is opened. */
public record OpenFlags(boolean read, boolean write, boolean create, boolean exclusive, boolean truncate) {
    public static final OpenFlags READ = new OpenFlags(true, false, false, false, false);
    public static final OpenFlags WRITE_CREATE_TRUNCATE = new OpenFlags(false, true, true, false, true);
}
