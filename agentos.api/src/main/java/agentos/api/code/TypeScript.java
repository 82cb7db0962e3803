package agentos.api.code;

import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;
import org.osgi.annotation.versioning.ProviderType;

/** The {@code typescript} namespace. Running strips types without checking them; {@code check} checks. */
@ProviderType
public interface TypeScript extends CodeRunner {

    /** Type-checks one source text with {@code compilerOptionsJson} (a tsconfig {@code compilerOptions} object). */
    CompletionStage<TypeCheckResult> check(String source, @Nullable String compilerOptionsJson);

    /** Type-checks the project of the {@code tsconfig.json} at {@code tsconfigPath}. */
    CompletionStage<TypeCheckResult> checkProject(String tsconfigPath);
}
