package agentos.api.code;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code pip install} options. */
public record PythonInstallOptions(
        boolean upgrade, @Nullable String requirementsFile, @Nullable String indexUrl, List<String> extraIndexUrls) {
    public static final PythonInstallOptions DEFAULT = new PythonInstallOptions(false, null, null, List.of());

    public PythonInstallOptions {
        extraIndexUrls = List.copyOf(extraIndexUrls);
    }
}
