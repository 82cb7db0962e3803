package agentos.exec.wasm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agentos.api.Vm;
import agentos.api.process.ExecOptions;
import agentos.api.process.ExecResult;
import agentos.api.process.Outcome;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shell truth suite: upstream's unmodified `sh` (brush) and coreutils from @agentos-software/common, run by
 * this executor on the real kernel. One VM for the class; each test uses its own directory.
 */
class ShellTest {
    static WasmVms vms;
    static Vm vm;

    @BeforeAll
    static void boot() {
        vms = new WasmVms();
        vm = vms.os().create();
    }

    @AfterAll
    static void shutdown() {
        vms.close();
    }

    static ExecResult exec(String cmd) throws Exception {
        return exec(cmd, ExecOptions.DEFAULT);
    }

    static ExecResult exec(String cmd, ExecOptions options) throws Exception {
        return vm.process().exec(cmd, options).toCompletableFuture().get(120, TimeUnit.SECONDS);
    }

    static String out(String cmd) throws Exception {
        ExecResult r = exec(cmd);
        assertEquals(0, r.exitCode(), () -> cmd + " failed: " + r.stderrText());
        return r.stdoutText();
    }

    @Test
    void echoWithoutAShell() throws Exception {
        ExecResult r = vm.process().execFile("echo", List.of("hello", "world"), ExecOptions.DEFAULT)
                .toCompletableFuture().get(120, TimeUnit.SECONDS);
        assertEquals("hello world\n", r.stdoutText());
    }

    @Test
    void builtinsArithmeticAndVariables() throws Exception {
        assertEquals("from-sh 42\n", out("echo from-sh $((6*7))"));
        assertEquals("got sub\n", out("x=$(echo sub); echo got $x"));
        assertEquals("/workspace /home/agentos\n", out("echo $PWD $HOME"));
    }

    @Test
    void pipesAndRedirections() throws Exception {
        assertEquals("hi\n", out("echo hi | cat"));
        out("mkdir -p /tmp/redir && cd /tmp/redir && echo one > f && echo two >> f");
        assertEquals("one\ntwo\n", out("cat /tmp/redir/f"));
        assertEquals("one\ntwo\n", out("cat < /tmp/redir/f"));
        assertEquals("status=2\n", out("ls /nonexistent 2>/dev/null; echo status=$?"));
        assertTrue(out("ls /nonexistent 2>&1 | cat").contains("/nonexistent"));
        assertTrue(out("ls /nonexistent > /tmp/redir/both 2>&1; cat /tmp/redir/both").contains("/nonexistent"));
        assertEquals("err\n", exec("echo err 1>&2").stderrText());
    }

    @Test
    void andOrAndExitStatuses() throws Exception {
        assertEquals("yes\n", out("true && echo yes || echo no"));
        assertEquals("no\n", out("false && echo yes || echo no"));
        ExecResult three = exec("exit 3");
        assertEquals(Outcome.FAILED, three.outcome());
        assertEquals(3, three.exitCode());
        assertEquals(3, exec("sh -c 'exit 3'").exitCode());
        ExecResult missing = exec("no-such-command --flag");
        assertEquals(127, missing.exitCode());
        assertTrue(missing.stderrText().contains("command not found"), missing.stderrText());
    }

    @Test
    void cwdEnvAndCdInScripts() throws Exception {
        ExecResult r = exec("pwd; echo $GREETING", ExecOptions.builder().cwd("/tmp").env("GREETING", "hello").build());
        assertEquals("/tmp\nhello\n", r.stdoutText());
        assertEquals("/etc\nagent-os\n", out("cd /etc && pwd && cat hostname"));
    }

    @Test
    void filesFlowBetweenCommandsAndTheHost() throws Exception {
        out("mkdir -p /workspace/flow && echo written-by-sh > /workspace/flow/a.txt");
        assertEquals("written-by-sh\n", out("cat /workspace/flow/a.txt"));
        assertEquals("written-by-sh\n", new String(vm.filesystem().readFile("/workspace/flow/a.txt"), StandardCharsets.UTF_8));
        vm.filesystem().writeFile("/workspace/flow/from-host.txt", "host\n");
        assertEquals("host\n", out("cat flow/from-host.txt"));
        assertEquals("a.txt\nfrom-host.txt\n", out("ls /workspace/flow"));
    }

    @Test
    void globbingFindSortUniqHeadTailSedAwk() throws Exception {
        out("mkdir -p /tmp/g && cd /tmp/g && touch a.txt b.txt c.log");
        assertEquals("a.txt b.txt\n", out("cd /tmp/g && echo *.txt"));
        assertEquals("/tmp/g/c.log\n", out("find /tmp/g -name '*.log'"));
        assertEquals("      2 a\n      1 b\n", out("printf 'b\\na\\na\\n' | sort | uniq -c"));
        assertEquals("1\n2\n", out("seq 1 5 | head -2"));
        assertEquals("5\n", out("seq 1 5 | tail -1"));
        assertEquals("Xgent-os\n", out("sed s/a/X/ /etc/hostname"));
        assertEquals("agent-os\n", out("awk '{print $1}' /etc/hostname"));
    }

    @Test
    void searchToolsGrepRgFdJq() throws Exception {
        out("mkdir -p /workspace/src/sub && echo 'needle one' > /workspace/src/a.txt && echo 'hay' > /workspace/src/sub/b.txt"
                + " && echo 'needle two' > /workspace/src/sub/c.txt");
        assertEquals("/workspace/src/a.txt:needle one\n/workspace/src/sub/c.txt:needle two\n",
                out("grep -r needle /workspace/src | sort"));
        assertEquals("sub/b.txt\n", out("cd /workspace/src && fd b.txt"));
        assertEquals("[1,2]\n", out("echo '{\"a\":[1,2]}' | jq -c .a"));
    }

    @Test
    void ripgrepExitsCleanly() throws Exception {
        // rg returns from _start rather than calling proc_exit; this trapped while Chicory also ran _start itself.
        out("mkdir -p /workspace/rg && echo 'needle one' > /workspace/rg/a.txt");
        ExecResult r = exec("cd /workspace/rg && rg -n needle");
        assertEquals("a.txt:1:needle one\n", r.stdoutText(), r.stderrText());
        assertEquals(0, r.exitCode(), r.stderrText());
        assertEquals(1, exec("cd /workspace/rg && rg -n absent").exitCode(), "no match is status 1, as upstream rg");
    }

    @Test
    void trAndWcRunTheirSimdCode() throws Exception {
        // Both use WASM SIMD on inputs of 16 bytes and more (SimdSubsetMachine); compare with Java's own count.
        assertEquals("ABC\n", out("echo abc | tr a-z A-Z"));
        assertEquals("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789\n",
                out("yes abcdefghijklmnopqrstuvwxyz0123456789 | head -1000 | tr a-z A-Z | sort -u"));
        assertEquals("heo word\n", out("echo hello world | tr -d l"));
        assertEquals("a b c\n", out("echo 'a,b;c' | tr ',;' '  '"));
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 20000; i++) {
            text.append(i).append(i % 7 == 0 ? "\tword  x\n" : " ").append(i % 13 == 0 ? "\n" : "");
        }
        vm.filesystem().writeFile("/tmp/wc.txt", text.toString());
        long lines = text.chars().filter(c -> c == '\n').count();
        long words = java.util.Arrays.stream(text.toString().split("\\s+")).filter(w -> !w.isEmpty()).count();
        assertEquals(lines + " " + words + " " + text.length() + "\n",
                out("wc < /tmp/wc.txt | awk '{print $1, $2, $3}'"));
        // Upstream's wc 0.3.4 panics in clap ("Fatal internal error") when given a file operand; stdin works.
        assertEquals("      2       3       6\n", out("printf 'a b\\nc\\n' | wc"));
    }

    @Test
    void gitWorksLocally() throws Exception {
        ExecResult r = exec("cd /tmp && git init -q repo && cd repo && git config user.name A && git config user.email a@b"
                + " && echo one > f && git add f && git commit -qm first && echo two >> f && git commit -qam second"
                + " && git log --format=%s | cat && git diff HEAD~1 --stat | cat && git status --short");
        assertEquals(0, r.exitCode(), r.stderrText());
        assertEquals("second\nfirst\n f | 1 +\n 1 file changed, 1 insertion(+)\n", r.stdoutText());
        // The package's system config keeps maintenance in the foreground: this WASM git cannot fork.
        assertEquals("", r.stderrText());
        ExecResult clone = exec("git clone -q https://example.com/x.git /tmp/x");
        assertTrue(clone.exitCode() != 0, "no network before the networking issue: " + clone);
    }

    @Test
    void heredocs() throws Exception {
        assertEquals("line one\nexpanded agentos\n", out("cat <<EOF\nline one\nexpanded $USER\nEOF"));
        assertEquals("$USER stays\n", out("cat <<'EOF'\n$USER stays\nEOF"));
        assertEquals("b\na\n", out("sort -r <<EOF > /tmp/heredoc.txt\na\nb\nEOF\ncat /tmp/heredoc.txt"));
    }

    @Test
    void commandSubstitutionLargerThan64KiB() throws Exception {
        // 100,000 lines of "y": the shell waits for `yes | head` to finish before it reads the pipe.
        assertEquals("200000\n", out("x=$(yes | head -n 100000); echo ${#x} | awk '{print $1 + 1}'"));
    }
}
