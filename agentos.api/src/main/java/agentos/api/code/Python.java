package agentos.api.code;

import agentos.api.process.ExecResult;
import agentos.api.process.ProcessDescriptor;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ProviderType;

/** The {@code python} namespace. */
@ProviderType
public interface Python extends CodeRunner {

    /** {@code python -m module}. */
    CompletionStage<ExecResult> executeModule(String module, CodeOptions options);

    ProcessDescriptor spawnModule(String module, CodeOptions options);

    CompletionStage<ExecResult> install(List<String> packages, PythonInstallOptions options);
}
