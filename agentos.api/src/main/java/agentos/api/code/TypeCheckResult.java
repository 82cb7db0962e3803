package agentos.api.code;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** TypeScript diagnostics; {@code hasErrors} when any diagnostic is an error. */
public record TypeCheckResult(boolean hasErrors, List<Diagnostic> diagnostics) {
    public TypeCheckResult {
        diagnostics = List.copyOf(diagnostics);
    }

    /** One compiler diagnostic; category is {@code error}, {@code warning}, {@code suggestion} or {@code message}. */
    public record Diagnostic(
            int code, String category, String message, @Nullable String filePath, @Nullable Integer line, @Nullable Integer column) {}
}
