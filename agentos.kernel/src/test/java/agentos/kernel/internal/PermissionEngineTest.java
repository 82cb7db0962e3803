package agentos.kernel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agentos.api.Errno;
import agentos.api.ErrnoException;
import agentos.api.config.PermissionMode;
import agentos.api.config.PermissionPolicy;
import agentos.api.config.PermissionRule;
import agentos.api.config.ScopePolicy;
import agentos.kernel.internal.PermissionEngine.Scope;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PermissionEngineTest {

    @ParameterizedTest
    @CsvSource({
        "/workspace/*, /workspace/a, true",
        "/workspace/*, /workspace/a/b, false",
        "/workspace/**, /workspace/a/b, true",
        "/workspace/**, /workspace, false",
        "/a/**/b, /a/b, true",
        "/a/**/b, /a/x/y/b, true",
        "/a/?.txt, /a/1.txt, true",
        "/a/?.txt, /a/12.txt, false",
        "/a/?.txt, /a//.txt, false",
        "**, /anything/at/all, true",
        "SECRET_*, SECRET_TOKEN, true",
        "tcp://127.0.0.1:*, tcp://127.0.0.1:8080, true",
        "/a.b/*, /aXb/c, false"
    })
    void globs(String glob, String input, boolean expected) {
        assertEquals(expected, Glob.compile(glob).matches(input));
    }

    @Test
    void defaultPolicyIsAMachineOfItsOwn() {
        PermissionEngine e = new PermissionEngine(PermissionPolicy.INHERIT);
        assertTrue(e.allows(Scope.FS, "write", "/etc/passwd"));
        assertTrue(e.allows(Scope.CHILD_PROCESS, "spawn", "sh"));
        assertTrue(e.allows(Scope.ENV, "read", "HOME"));
        assertTrue(e.allows(Scope.PROCESS, "kill", "7"));
        assertTrue(e.allows(Scope.NETWORK, "listen", "tcp://0.0.0.0:8080"));
        assertFalse(e.allows(Scope.NETWORK, "http", "tcp://example.com:443"));
    }

    @Test
    void lastMatchingRuleWins() {
        ScopePolicy fs = ScopePolicy.of(PermissionMode.ALLOW,
                PermissionRule.of(PermissionMode.DENY, "*", "/secret/**"),
                PermissionRule.of(PermissionMode.ALLOW, "read", "/secret/public/**"));
        PermissionEngine e = new PermissionEngine(PermissionPolicy.INHERIT.withFs(fs));
        assertFalse(e.allows(Scope.FS, "read", "/secret/key"));
        assertTrue(e.allows(Scope.FS, "read", "/secret/public/readme"));
        assertFalse(e.allows(Scope.FS, "write", "/secret/public/readme"));
        assertTrue(e.allows(Scope.FS, "write", "/workspace/x"));
    }

    @Test
    void callerScopesMergeOverTheDefault() {
        PermissionEngine e = new PermissionEngine(PermissionPolicy.INHERIT.withNetwork(ScopePolicy.ALLOW));
        assertTrue(e.allows(Scope.NETWORK, "http", "tcp://example.com:443"));
        assertTrue(e.allows(Scope.FS, "read", "/x"), "fs keeps the default");
    }

    @Test
    void denialsNameTheRuleAndAskIsRefused() {
        PermissionEngine e = new PermissionEngine(new PermissionPolicy(null, null,
                ScopePolicy.of(PermissionMode.ALLOW, new PermissionRule(PermissionMode.DENY, List.of("spawn"), List.of("curl"))),
                ScopePolicy.ASK, null, null));
        ErrnoException denied = assertThrows(ErrnoException.class, () -> e.check(Scope.CHILD_PROCESS, "spawn", "curl", "spawn"));
        assertEquals(Errno.EACCES, denied.errno());
        assertTrue(denied.getMessage().contains("childProcess policy (rule deny [spawn] [curl])"), denied.getMessage());
        ErrnoException ask = assertThrows(ErrnoException.class, () -> e.check(Scope.PROCESS, "kill", "3", "kill"));
        assertTrue(ask.getMessage().contains("permission prompt required"), ask.getMessage());
    }
}
