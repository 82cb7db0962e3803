package agentos.api.code;

import agentos.api.process.OutputCapture;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Options of the language namespaces.
 *
 * @param format module format (JavaScript/TypeScript)
 * @param inputsJson a JSON object made available to the code as {@code inputs}, or {@code null}
 * @param filePath the guest path the source pretends to live at (for relative imports and stack traces)
 * @param contextId run in this persistent context (see {@link Contexts}) instead of a fresh one
 * @param args program arguments
 * @param env variables added to the VM environment
 * @param cwd working directory, or {@code null} for the VM default
 * @param timeoutMs wall-clock timeout, 0 for the VM's process limits only
 * @param capture which streams the result keeps
 */
public record CodeOptions(
        ModuleFormat format,
        @Nullable String inputsJson,
        @Nullable String filePath,
        @Nullable String contextId,
        List<String> args,
        Map<String, String> env,
        @Nullable String cwd,
        long timeoutMs,
        OutputCapture capture) {
    public static final CodeOptions DEFAULT =
            new CodeOptions(ModuleFormat.MODULE, null, null, null, List.of(), Map.of(), null, 0, OutputCapture.ALL);

    public CodeOptions {
        args = List.copyOf(args);
        env = Map.copyOf(env);
    }

    public CodeOptions withFormat(ModuleFormat f) {
        return new CodeOptions(f, inputsJson, filePath, contextId, args, env, cwd, timeoutMs, capture);
    }

    public CodeOptions withInputs(String json) {
        return new CodeOptions(format, json, filePath, contextId, args, env, cwd, timeoutMs, capture);
    }

    public CodeOptions withContext(String id) {
        return new CodeOptions(format, inputsJson, filePath, id, args, env, cwd, timeoutMs, capture);
    }

    public CodeOptions withTimeoutMs(long ms) {
        return new CodeOptions(format, inputsJson, filePath, contextId, args, env, cwd, ms, capture);
    }
}
