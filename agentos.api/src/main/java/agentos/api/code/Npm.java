package agentos.api.code;

import agentos.api.process.ExecResult;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ProviderType;

/** npm inside the VM (through the VM's network policy). */
@ProviderType
public interface Npm {

    /** Installs {@code packages}, or the project's dependencies when the list is empty. */
    CompletionStage<ExecResult> install(List<String> packages, NpmInstallOptions options);

    /** {@code npm run <script>} in {@code options.cwd()}. */
    CompletionStage<ExecResult> runScript(String script, CodeOptions options);

    /** {@code npx}-style: runs {@code binary} (default: the package's own) of package {@code spec}. */
    CompletionStage<ExecResult> runPackage(String spec, String binary, CodeOptions options);
}
