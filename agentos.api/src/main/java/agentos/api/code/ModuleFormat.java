package agentos.api.code;

/** How JavaScript/TypeScript source is evaluated: as an ES module (the default) or as CommonJS. */
public enum ModuleFormat {
    MODULE,
    COMMONJS
}
