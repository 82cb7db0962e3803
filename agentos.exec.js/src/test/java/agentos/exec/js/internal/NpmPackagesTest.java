package agentos.exec.js.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agentos.api.Vm;
import agentos.api.config.MountConfig;
import agentos.api.process.ExecOptions;
import agentos.api.process.ExecResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Unmodified packages from npm (installed by the build from src/test/npm's lockfile) running in a VM, mounted
 * read-only from the host at /workspace/app/node_modules.
 */
class NpmPackagesTest {
    static JsVms vms;
    static Vm vm;

    @BeforeAll
    static void boot() {
        Path modules = Path.of(System.getProperty("agentos.test.npm", "target/test-npm"), "node_modules");
        if (!Files.isDirectory(modules)) {
            throw new IllegalStateException(modules + " is missing: the build installs it with npm ci (is npm on PATH?)");
        }
        vms = new JsVms();
        vm = vms.os().create();
        vm.filesystem().mkdir("/workspace/app/node_modules", true);
        vm.filesystem().mount(MountConfig.hostDir("/workspace/app/node_modules", modules.toAbsolutePath().toString(), true));
    }

    @AfterAll
    static void shutdown() {
        vms.close();
    }

    static String run(String file, String source) throws Exception {
        vm.filesystem().writeFile("/workspace/app/" + file, source);
        ExecResult r = vm.process().exec("cd /workspace/app && node " + file, ExecOptions.DEFAULT)
                .toCompletableFuture().get(120, TimeUnit.SECONDS);
        assertEquals(0, r.exitCode(), () -> file + " failed: " + r.stderrText() + r.stdoutText());
        return r.stdoutText();
    }

    @Test
    void chalkIsEsmOnly() throws Exception {
        assertEquals("bold text|11\n", run("chalk.mjs", """
                import chalk, { Chalk } from 'chalk';
                const c = new Chalk({ level: 1 });
                console.log(chalk.bold('bold text') + '|' + c.red('x').length);
                """));
    }

    @Test
    void semverFromCommonJs() throws Exception {
        assertEquals("true 1.3.0 2.0.0\n", run("semver.js", """
                const semver = require('semver');
                console.log(semver.satisfies('1.2.3', '^1.0.0'), semver.maxSatisfying(['1.2.0', '1.3.0', '2.0.0'], '~1'),
                  semver.inc('1.9.9', 'major'));
                """));
    }

    @Test
    void zodValidates() throws Exception {
        assertEquals("ok 3 invalid_type\n", run("zod.mjs", """
                import { z } from 'zod';
                const User = z.object({ name: z.string(), age: z.number() });
                const good = User.safeParse({ name: 'a', age: 3 });
                const bad = User.safeParse({ name: 'a', age: 'x' });
                console.log(good.success ? 'ok' : 'no', good.data.age, bad.error.issues[0].code);
                """));
    }

    @Test
    void yamlWithConditionalExports() throws Exception {
        assertEquals("{\"a\":[1,2],\"b\":{\"c\":\"d\"}}\nx: 1\n", run("yaml.js", """
                const YAML = require('yaml');
                console.log(JSON.stringify(YAML.parse('a: [1, 2]\\nb:\\n  c: d\\n')));
                process.stdout.write(YAML.stringify({ x: 1 }));
                """));
    }

    @Test
    void uuidUsesCrypto() throws Exception {
        String out = run("uuid.mjs", """
                import { v4, validate, version } from 'uuid';
                const id = v4();
                console.log(validate(id), version(id), id.length, v4() !== id);
                """);
        assertEquals("true 4 36 true\n", out);
    }

    @Test
    void claudeCodeCliPrintsItsVersion() throws Exception {
        // The real, unmodified 13.7 MB ESM bundle of @anthropic-ai/claude-agent-sdk@0.2.112.
        ExecResult r = vm.process().exec("cd /workspace/app && node node_modules/@anthropic-ai/claude-agent-sdk/cli.js --version",
                ExecOptions.DEFAULT).toCompletableFuture().get(300, TimeUnit.SECONDS);
        assertEquals("2.1.112 (Claude Code)\n", r.stdoutText(), r.stderrText());
        assertEquals(0, r.exitCode());
    }

    @Test
    void expressWithSseServesTheHostThroughVmNetwork() throws Exception {
        vm.filesystem().writeFile("/workspace/app/express-app.js", """
                const express = require('express');
                const app = express();
                app.use(express.json());
                app.get('/api/items/:id', (req, res) => res.json({ id: req.params.id, q: req.query.q }));
                app.post('/api/echo', (req, res) => res.status(201).set('x-dup', ['a', 'b']).json({ got: req.body }));
                app.get('/events', (req, res) => {
                  res.set({ 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
                  res.flushHeaders();
                  let n = 0;
                  const t = setInterval(() => { res.write('data: tick ' + (++n) + '\\n\\n'); if (n === 3) { clearInterval(t); res.end(); } }, 30);
                });
                app.listen(3000);
                """);
        int pid = vm.process().spawn("node", java.util.List.of("/workspace/app/express-app.js"),
                new agentos.api.process.SpawnOptions(java.util.Map.of(), "/workspace/app", null, 0, true)).pid();
        StringBuffer output = new StringBuffer();
        vm.process().onOutput(pid, o -> output.append(new String(o.chunk(), java.nio.charset.StandardCharsets.UTF_8)));
        try {
            agentos.api.network.HttpResponse item = null;
            for (int i = 0; i < 1000 && item == null; i++) {
                try {
                    item = vm.network().fetch(3000, agentos.api.network.HttpRequest.get("/api/items/42?q=x"));
                } catch (agentos.api.ErrnoException e) {
                    if (e.errno() != agentos.api.Errno.ECONNREFUSED) {
                        throw new AssertionError(e.getMessage() + "; server output: " + output, e);
                    }
                    Thread.sleep(20);
                }
            }
            if (item == null) {
                throw new AssertionError("express did not start: " + output);
            }
            assertEquals(200, item.status(), item.bodyText());
            assertEquals("{\"id\":\"42\",\"q\":\"x\"}", item.bodyText());
            agentos.api.network.HttpResponse echo = vm.network().fetch(3000, new agentos.api.network.HttpRequest("POST", "/api/echo",
                    java.util.List.of(new agentos.api.network.Header("content-type", "application/json")),
                    "{\"a\":[1,2]}".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertEquals(201, echo.status());
            assertEquals("{\"got\":{\"a\":[1,2]}}", echo.bodyText());
            assertEquals(java.util.List.of("a", "b"), echo.headers().stream().filter(h -> h.name().equalsIgnoreCase("x-dup"))
                    .map(agentos.api.network.Header::value).toList());
            agentos.api.network.FetchStream s = vm.network().fetchStreamStart(3000, agentos.api.network.HttpRequest.get("/events"));
            StringBuilder events = new StringBuilder();
            int reads = 0;
            agentos.api.network.FetchChunk c;
            while (!(c = vm.network().fetchStreamRead(s.streamId(), 4096)).done()) {
                events.append(new String(c.body(), java.nio.charset.StandardCharsets.UTF_8));
                reads++;
            }
            assertEquals("data: tick 1\n\ndata: tick 2\n\ndata: tick 3\n\n", events.toString());
            assertTrue(reads >= 2, "server-sent events arrive as written (" + reads + " reads)");
        } finally {
            if (vm.process().get(pid).isPresent()) {
                vm.process().kill(pid);
            }
        }
    }

    @Test
    void wsEchoServerAndClientInOneVm() throws Exception {
        assertEquals("echo: hello ws|echo: second|closed 1000\n", run("ws-echo.js", """
                const { WebSocketServer, WebSocket } = require('ws');
                const wss = new WebSocketServer({ port: 0 }, () => {
                  const ws = new WebSocket('ws://127.0.0.1:' + wss.address().port + '/chat');
                  const got = [];
                  ws.on('open', () => ws.send('hello ws'));
                  ws.on('message', (m) => { got.push(String(m)); if (got.length === 1) ws.send('second'); else ws.close(1000); });
                  ws.on('close', (code) => { console.log(got.join('|') + '|closed ' + code); wss.close(); });
                });
                wss.on('connection', (socket) => socket.on('message', (m) => socket.send('echo: ' + m)));
                """));
    }
}
