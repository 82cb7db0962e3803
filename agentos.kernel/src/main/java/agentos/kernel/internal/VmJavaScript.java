package agentos.kernel.internal;

import agentos.api.Errno;
import agentos.api.ErrnoException;
import agentos.api.NotAvailableException;
import agentos.api.code.CodeOptions;
import agentos.api.code.EvaluationResult;
import agentos.api.code.JavaScript;
import agentos.api.code.ModuleFormat;
import agentos.api.code.Npm;
import agentos.api.config.Json;
import agentos.api.process.ExecOptions;
import agentos.api.process.ExecResult;
import agentos.api.process.ProcessDescriptor;
import agentos.api.process.SpawnOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * The {@code javascript} namespace, for any executor that provides the VM's {@code node} command: each call runs
 * {@code node} on a source file the host writes under {@code /tmp/.agentos-js} (removed afterwards), so the code
 * runs as the VM's user, under its limits and permissions, exactly like a guest's own {@code node}. The kernel
 * knows nothing of JavaScript; without a {@code node} command the namespace is not available.
 */
final class VmJavaScript implements JavaScript {
    static final String DIR = "/tmp/.agentos-js";

    private final VmFilesystem fs;
    private final VmProcesses processes;
    private final VmContexts contexts;

    VmJavaScript(VmFilesystem fs, VmProcesses processes) {
        this.fs = fs;
        this.processes = processes;
        this.contexts = new VmContexts(fs, processes);
    }

    VmContexts contexts() {
        return contexts;
    }

    private void requireNode() {
        if (!fs.exists("/opt/agentos/bin/node")) {
            throw new NotAvailableException("vm.javascript()",
                    "no JavaScript executor is installed (the node package comes with bundle agentos.exec.js)");
        }
    }

    private String writeSource(String source, CodeOptions options) {
        requireNode();
        if (!fs.exists(DIR)) {
            try {
                fs.mkdir(DIR, true);
            } catch (ErrnoException e) {
                if (e.errno() != Errno.EEXIST) {
                    throw e;
                }
            }
            fs.chmod(DIR, 01777);
        }
        String path = options.filePath() != null ? options.filePath()
                : DIR + "/" + UUID.randomUUID() + (options.format() == ModuleFormat.COMMONJS ? ".cjs" : ".mjs");
        fs.writeFile(path, source.getBytes(StandardCharsets.UTF_8));
        return path;
    }

    /** The code's view of the options: {@code inputs} as a global, env, cwd, timeout, capture. */
    private static String withInputs(String source, CodeOptions options) {
        if (options.inputsJson() == null) {
            return source;
        }
        // A first line, so a module's imports (hoisted) and the code's line numbers stay as written, but one off.
        return "globalThis.inputs = JSON.parse(process.env.AGENTOS_INPUTS);" + source;
    }

    private static ExecOptions execOptions(CodeOptions options) {
        ExecOptions.Builder b = ExecOptions.builder().env(options.env()).timeoutMs(options.timeoutMs()).capture(options.capture());
        if (options.inputsJson() != null) {
            b.env("AGENTOS_INPUTS", options.inputsJson());
        }
        if (options.cwd() != null) {
            b.cwd(options.cwd());
        }
        return b.build();
    }

    private static List<String> argv(String file, CodeOptions options) {
        List<String> args = new ArrayList<>();
        args.add(file);
        args.addAll(options.args());
        return args;
    }

    private CompletionStage<ExecResult> runThenRemove(String file, CodeOptions options, boolean temporary) {
        return processes.execFile("node", argv(file, options), execOptions(options)).whenComplete((r, e) -> {
            if (temporary) {
                removeQuietly(file);
            }
        });
    }

    private void removeQuietly(String file) {
        try {
            fs.remove(file, false);
        } catch (RuntimeException ignored) {
            // the VM is gone or the code removed it itself
        }
    }

    @Override
    public CompletionStage<ExecResult> execute(String source, CodeOptions options) {
        if (options.contextId() != null) {
            return contexts.execute(options.contextId(), source, options);
        }
        String file = writeSource(withInputs(source, options), options);
        return runThenRemove(file, options, options.filePath() == null);
    }

    @Override
    public CompletionStage<EvaluationResult> evaluate(String expression, CodeOptions options) {
        if (options.contextId() != null) {
            return contexts.evaluate(options.contextId(), expression, options);
        }
        String resultFile = DIR + "/" + UUID.randomUUID() + ".json";
        String source = options.format() == ModuleFormat.COMMONJS
                ? "(async () => { const __v = await (\n" + expression + "\n); require('fs').writeFileSync(" + Json.quote(resultFile)
                        + ", JSON.stringify(__v === undefined ? null : __v)); })().catch((e) => { process.exitCode = 1; console.error(e); });"
                : "import { writeFileSync as __agentosWrite } from 'node:fs';\nconst __v = await (\n" + expression + "\n);\n__agentosWrite("
                        + Json.quote(resultFile) + ", JSON.stringify(__v === undefined ? null : __v));";
        String file = writeSource(withInputs(source, options), options.filePath() == null ? options
                : new CodeOptions(options.format(), options.inputsJson(), null, options.contextId(), options.args(),
                        options.env(), options.cwd(), options.timeoutMs(), options.capture()));
        return runThenRemove(file, options, true).thenApply(r -> {
            String json = null;
            if (r.exitCode() != null && r.exitCode() == 0 && fs.exists(resultFile)) {
                json = new String(fs.readFile(resultFile), StandardCharsets.UTF_8);
            }
            removeQuietly(resultFile);
            return new EvaluationResult(r, json);
        });
    }

    @Override
    public CompletionStage<ExecResult> executeFile(String path, CodeOptions options) {
        requireNode();
        return runThenRemove(path, options, false);
    }

    @Override
    public ProcessDescriptor spawn(String source, CodeOptions options) {
        String file = writeSource(withInputs(source, options), options);
        return spawnFile(file, options);
    }

    @Override
    public ProcessDescriptor spawnFile(String path, CodeOptions options) {
        requireNode();
        Map<String, String> env = new LinkedHashMap<>(options.env());
        if (options.inputsJson() != null) {
            env.put("AGENTOS_INPUTS", options.inputsJson());
        }
        return processes.spawn("node", argv(path, options), new SpawnOptions(env, options.cwd(), null, options.timeoutMs(), true));
    }

    @Override
    public Npm npm() {
        throw new NotAvailableException("vm.javascript().npm()", "npm is not provided in VMs yet");
    }
}
