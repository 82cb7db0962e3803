package example;

import agentos.api.Vm;
import agentos.api.process.ExecResult;
import agentos.client.AgentOsClient;

/**
 * A plain Java program using only agentos.client: it starts a sidecar, creates a VM, writes a file into it, runs a
 * shell pipeline in the VM and prints the pipeline's output (the byte count of the file: 20).
 */
public final class ClientQuickstart {
    public static void main(String[] args) throws Exception {
        try (AgentOsClient agentOs = AgentOsClient.start()) {
            Vm vm = agentOs.create();
            try {
                vm.filesystem().writeFile("/workspace/hello.txt", "hello from the host\n");
                ExecResult result = vm.process().exec("sh -c 'cat /workspace/hello.txt | wc -c'").toCompletableFuture().get();
                System.out.print(result.stdoutText());
                System.err.print(result.stderrText());
                if (!result.succeeded()) {
                    System.exit(result.exitCode() == null ? 1 : result.exitCode());
                }
            } finally {
                vm.dispose();
            }
        }
    }
}
