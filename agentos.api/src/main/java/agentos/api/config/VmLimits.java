package agentos.api.config;

/**
 * Typed resource limits of a VM, grouped like upstream's {@code VmLimitsConfig}. Every limit is bounded: there is
 * no "unlimited" and no 0; constructors reject values below 1 and name the field. Exceeding a limit gives the
 * guest the matching errno (EAGAIN, EMFILE, ENOSPC, E2BIG, …) and never a JVM error; crossing about 80 % raises
 * a {@link agentos.api.LimitWarning} once.
 */
public record VmLimits(
        Resources resources,
        Process process,
        Wasm wasm,
        JsRuntime jsRuntime,
        Http http,
        HostFunctions hostFunctions,
        Acp acp) {

    public static final VmLimits DEFAULT = new VmLimits(
            Resources.DEFAULT, Process.DEFAULT, Wasm.DEFAULT, JsRuntime.DEFAULT, Http.DEFAULT, HostFunctions.DEFAULT, Acp.DEFAULT);

    private static final long KIB = 1024;
    private static final long MIB = 1024 * KIB;

    static void positive(String field, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(
                    "limits." + field + " must be >= 1 (limits are always bounded; raise it instead of disabling it), got " + value);
        }
    }

    /** Kernel resources: counts, sizes and blocking times. */
    public record Resources(
            int cpuCount,
            int maxProcesses,
            int maxOpenFds,
            int maxPipes,
            int maxPtys,
            int maxSockets,
            int maxConnections,
            long maxSocketBufferedBytes,
            int maxSocketDatagramQueueLen,
            long maxFilesystemBytes,
            long maxInodeCount,
            long maxBlockingReadMs,
            long maxPreadBytes,
            long maxFdWriteBytes,
            long maxProcessArgvBytes,
            long maxProcessEnvBytes,
            int maxReaddirEntries,
            int maxRecursiveFsDepth,
            int maxRecursiveFsEntries) {
        public static final Resources DEFAULT = new Resources(
                1, 256, 256, 128, 128, 256, 256, 4 * MIB, 1024, 64 * MIB, 16_384, 5_000, 64 * MIB, 64 * MIB,
                MIB, MIB, 4_096, 64, 100_000);

        public Resources {
            positive("resources.cpuCount", cpuCount);
            positive("resources.maxProcesses", maxProcesses);
            positive("resources.maxOpenFds", maxOpenFds);
            positive("resources.maxPipes", maxPipes);
            positive("resources.maxPtys", maxPtys);
            positive("resources.maxSockets", maxSockets);
            positive("resources.maxConnections", maxConnections);
            positive("resources.maxSocketBufferedBytes", maxSocketBufferedBytes);
            positive("resources.maxSocketDatagramQueueLen", maxSocketDatagramQueueLen);
            positive("resources.maxFilesystemBytes", maxFilesystemBytes);
            positive("resources.maxInodeCount", maxInodeCount);
            positive("resources.maxBlockingReadMs", maxBlockingReadMs);
            positive("resources.maxPreadBytes", maxPreadBytes);
            positive("resources.maxFdWriteBytes", maxFdWriteBytes);
            positive("resources.maxProcessArgvBytes", maxProcessArgvBytes);
            positive("resources.maxProcessEnvBytes", maxProcessEnvBytes);
            positive("resources.maxReaddirEntries", maxReaddirEntries);
            positive("resources.maxRecursiveFsDepth", maxRecursiveFsDepth);
            positive("resources.maxRecursiveFsEntries", maxRecursiveFsEntries);
        }
    }

    /**
     * Per-process bookkeeping: buffered stdin, captured and retained output, the CPU/wall budget of every guest
     * process, and how far a pipe's buffer may grow before writers wait (pipes grow so that a shell's {@code $(…)}
     * can let the child finish before reading).
     */
    public record Process(
            long pendingStdinBytes,
            long capturedOutputLimitBytes,
            long retainedOutputBytes,
            long cpuTimeLimitMs,
            long wallClockLimitMs,
            long maxPipeBufferBytes) {
        public static final Process DEFAULT = new Process(16 * MIB, 16 * MIB, 4 * MIB, 3_600_000, 86_400_000, 16 * MIB);

        public Process {
            positive("process.pendingStdinBytes", pendingStdinBytes);
            positive("process.maxPipeBufferBytes", maxPipeBufferBytes);
            positive("process.capturedOutputLimitBytes", capturedOutputLimitBytes);
            positive("process.retainedOutputBytes", retainedOutputBytes);
            positive("process.cpuTimeLimitMs", cpuTimeLimitMs);
            positive("process.wallClockLimitMs", wallClockLimitMs);
        }
    }

    /** WebAssembly guests: linear memory, stack and module size. */
    public record Wasm(long maxMemoryBytes, long maxStackBytes, long maxModuleFileBytes) {
        public static final Wasm DEFAULT = new Wasm(256 * MIB, 8 * MIB, 256 * MIB);

        public Wasm {
            positive("wasm.maxMemoryBytes", maxMemoryBytes);
            positive("wasm.maxStackBytes", maxStackBytes);
            positive("wasm.maxModuleFileBytes", maxModuleFileBytes);
        }
    }

    /** JavaScript guests (the {@code node} command). */
    public record JsRuntime(long heapLimitMb, long eventPayloadLimitBytes, long stdinBufferLimitBytes) {
        public static final JsRuntime DEFAULT = new JsRuntime(512, 16 * MIB, 16 * MIB);

        public JsRuntime {
            positive("jsRuntime.heapLimitMb", heapLimitMb);
            positive("jsRuntime.eventPayloadLimitBytes", eventPayloadLimitBytes);
            positive("jsRuntime.stdinBufferLimitBytes", stdinBufferLimitBytes);
        }
    }

    /** Host-to-guest HTTP ({@code Vm.network()}). */
    public record Http(long maxFetchResponseBytes) {
        public static final Http DEFAULT = new Http(64 * MIB);

        public Http {
            positive("http.maxFetchResponseBytes", maxFetchResponseBytes);
        }
    }

    /** Host functions registered on the VM. */
    public record HostFunctions(
            long defaultTimeoutMs,
            long maxTimeoutMs,
            int maxRegisteredCollections,
            int maxFunctionsPerCollection,
            long maxSchemaBytes) {
        public static final HostFunctions DEFAULT = new HostFunctions(30_000, 600_000, 64, 128, 64 * KIB);

        public HostFunctions {
            positive("hostFunctions.defaultTimeoutMs", defaultTimeoutMs);
            positive("hostFunctions.maxTimeoutMs", maxTimeoutMs);
            positive("hostFunctions.maxRegisteredCollections", maxRegisteredCollections);
            positive("hostFunctions.maxFunctionsPerCollection", maxFunctionsPerCollection);
            positive("hostFunctions.maxSchemaBytes", maxSchemaBytes);
        }
    }

    /** Agent sessions over ACP. */
    public record Acp(
            long maxReadLineBytes,
            long maxPromptBytes,
            int maxPromptBlocks,
            long maxTurnOutputBytes,
            long maxSessionHistoryBytes,
            int maxSessionHistoryEvents,
            int maxHistoryPageEntries,
            int maxSessionListEntries,
            int maxSessionsPerVm,
            int maxPendingPermissionsPerSession,
            long terminalOutputBytes) {
        public static final Acp DEFAULT = new Acp(
                16 * MIB, 4 * MIB, 256, 64 * MIB, 256 * MIB, 100_000, 1_000, 1_000, 32, 64, MIB);

        public Acp {
            positive("acp.maxReadLineBytes", maxReadLineBytes);
            positive("acp.maxPromptBytes", maxPromptBytes);
            positive("acp.maxPromptBlocks", maxPromptBlocks);
            positive("acp.maxTurnOutputBytes", maxTurnOutputBytes);
            positive("acp.maxSessionHistoryBytes", maxSessionHistoryBytes);
            positive("acp.maxSessionHistoryEvents", maxSessionHistoryEvents);
            positive("acp.maxHistoryPageEntries", maxHistoryPageEntries);
            positive("acp.maxSessionListEntries", maxSessionListEntries);
            positive("acp.maxSessionsPerVm", maxSessionsPerVm);
            positive("acp.maxPendingPermissionsPerSession", maxPendingPermissionsPerSession);
            positive("acp.terminalOutputBytes", terminalOutputBytes);
        }
    }

    public VmLimits withResources(Resources r) {
        return new VmLimits(r, process, wasm, jsRuntime, http, hostFunctions, acp);
    }

    public VmLimits withProcess(Process p) {
        return new VmLimits(resources, p, wasm, jsRuntime, http, hostFunctions, acp);
    }

    public VmLimits withWasm(Wasm w) {
        return new VmLimits(resources, process, w, jsRuntime, http, hostFunctions, acp);
    }

    public VmLimits withJsRuntime(JsRuntime j) {
        return new VmLimits(resources, process, wasm, j, http, hostFunctions, acp);
    }
}
