package agentos.api.code;

import agentos.api.process.ExecResult;
import agentos.api.process.ProcessDescriptor;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ProviderType;

/** What every language namespace offers: run source or a file, evaluate an expression, or spawn either. */
@ProviderType
public interface CodeRunner {

    /** Runs {@code source} to completion (each call is an independent root module unless a context is given). */
    CompletionStage<ExecResult> execute(String source, CodeOptions options);

    /** Evaluates an expression and returns its value as JSON. */
    CompletionStage<EvaluationResult> evaluate(String expression, CodeOptions options);

    /** Runs the guest file at {@code path}. */
    CompletionStage<ExecResult> executeFile(String path, CodeOptions options);

    /** Starts {@code source} as a VM process (see {@link agentos.api.process.Processes} for its I/O). */
    ProcessDescriptor spawn(String source, CodeOptions options);

    ProcessDescriptor spawnFile(String path, CodeOptions options);
}
