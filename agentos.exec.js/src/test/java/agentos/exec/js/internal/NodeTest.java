package agentos.exec.js.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agentos.api.Vm;
import agentos.api.process.ExecOptions;
import agentos.api.process.ExecResult;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** `node` in a VM: the command, the module loader and the builtins, each observed through the kernel. */
class NodeTest {
    static JsVms vms;
    static Vm vm;

    @BeforeAll
    static void boot() {
        vms = new JsVms();
        vm = vms.os().create();
    }

    @AfterAll
    static void shutdown() {
        vms.close();
    }

    static ExecResult exec(String cmd) throws Exception {
        return vm.process().exec(cmd, ExecOptions.DEFAULT).toCompletableFuture().get(120, TimeUnit.SECONDS);
    }

    static String out(String cmd) throws Exception {
        ExecResult r = exec(cmd);
        assertEquals(0, r.exitCode(), () -> cmd + " failed (" + r.exitCode() + "): " + r.stderrText() + r.stdoutText());
        return r.stdoutText();
    }

    @Test
    void evalPrintAndVersion() throws Exception {
        assertEquals("3\n", out("node -e 'console.log(1 + 2)'"));
        assertEquals("{ a: 1, b: [ 'x', 2 ] }\n", out("node -p '({a: 1, b: [\"x\", 2]})'"));
        assertEquals("v22.14.0\n", out("node --version"));
        assertEquals("/usr/bin/node linux\n", out("node -p 'process.execPath + \" \" + process.platform'"));
    }

    static void write(String path, String content) {
        vm.filesystem().writeFile(path, content);
    }

    @Test
    void scriptsRequireRelativeJsonAndPackagesByExportsConditions() throws Exception {
        vm.filesystem().mkdir("/workspace/app/node_modules/dual/lib", true);
        vm.filesystem().mkdir("/workspace/app/node_modules/@scope/old/src", true);
        vm.filesystem().mkdir("/workspace/app/src", true);
        write("/workspace/app/node_modules/dual/package.json", """
                {"name": "dual", "exports": {".": {"import": "./lib/esm.mjs", "require": "./lib/cjs.js"},
                 "./feature/*": {"node": "./lib/feature-*.js"}, "./package.json": "./package.json"}}""");
        write("/workspace/app/node_modules/dual/lib/cjs.js", "exports.kind = 'require';");
        write("/workspace/app/node_modules/dual/lib/feature-x.js", "module.exports = 'feature x';");
        write("/workspace/app/node_modules/@scope/old/package.json", "{\"name\": \"@scope/old\", \"main\": \"src/main\"}");
        write("/workspace/app/node_modules/@scope/old/src/main.js", "module.exports = () => 'old main';");
        write("/workspace/app/package.json", "{\"name\": \"app\", \"imports\": {\"#util\": \"./src/util.js\"}}");
        write("/workspace/app/src/util.js", "module.exports = { twice: (x) => x * 2 };");
        write("/workspace/app/src/data.json", "{\"answer\": 42}");
        write("/workspace/app/main.js", """
                #!/usr/bin/env node
                const dual = require('dual');
                const feature = require('dual/feature/x');
                const old = require('@scope/old');
                const { twice } = require('#util');
                const data = require('./src/data.json');
                const path = require('node:path');
                console.log(dual.kind, feature, old(), twice(data.answer), require.main === module);
                console.log(path.relative(__dirname, require.resolve('dual')));
                try { require('dual/lib/cjs.js'); } catch (e) { console.log(e.code); }
                try { require('missing-pkg'); } catch (e) { console.log(e.code); }
                console.log(Object.keys(require.cache).length, process.argv.slice(2).join(','));
                """);
        assertEquals("require feature x old main 84 true\nnode_modules/dual/lib/cjs.js\nERR_PACKAGE_PATH_NOT_EXPORTED\n"
                + "MODULE_NOT_FOUND\n6 a,b\n", out("cd /workspace/app && node main.js a b"));
        vm.filesystem().chmod("/workspace/app/main.js", 0755);
        assertTrue(out("/workspace/app/main.js").startsWith("require feature x"), "a #!/usr/bin/env node script runs");
    }

    @Test
    void filesWrittenByNodeAreTheVmsFiles() throws Exception {
        write("/workspace/in.txt", "from the host\n");
        String script = """
                const fs = require('fs');
                const text = fs.readFileSync('/workspace/in.txt', 'utf8');
                fs.mkdirSync('/workspace/out/deep', { recursive: true });
                fs.writeFileSync('/workspace/out/deep/up.txt', text.toUpperCase());
                fs.appendFileSync('/workspace/out/deep/up.txt', Buffer.from([0x21, 0x0a]));
                const names = fs.readdirSync('/workspace/out', { withFileTypes: true }).map(d => d.name + ':' + d.isDirectory());
                const st = fs.statSync('/workspace/out/deep/up.txt');
                try { fs.readFileSync('/workspace/nope'); } catch (e) { console.log(e.code, e.syscall, e.path, e.errno, e.message); }
                fs.promises.readFile('/workspace/out/deep/up.txt', 'utf8').then(t => console.log('async', JSON.stringify(t)));
                fs.readFile('/workspace/in.txt', (err, b) => console.log('cb', err, b.length));
                console.log(names.join(), st.size, st.isFile());
                """;
        write("/workspace/fs.js", script);
        assertEquals("ENOENT open /workspace/nope -2 ENOENT: no such file or directory, open '/workspace/nope'\n"
                + "deep:true 16 true\nasync \"FROM THE HOST\\n!\\n\"\ncb null 14\n", out("node /workspace/fs.js"));
        assertEquals("FROM THE HOST\n!\n", new String(vm.filesystem().readFile("/workspace/out/deep/up.txt")));
    }

    @Test
    void childProcessesRunInTheVm() throws Exception {
        write("/workspace/cp.js", """
                const cp = require('child_process');
                console.log(cp.execSync('echo hello | tr a-z A-Z').toString().trim());
                console.log(cp.execFileSync('cat', { input: 'piped in' }).toString());
                const r = cp.spawnSync('sh', ['-c', 'echo out; echo err >&2; exit 3'], { encoding: 'utf8' });
                console.log(r.status, JSON.stringify(r.stdout), JSON.stringify(r.stderr));
                try { cp.execSync('exit 2', { stdio: 'pipe' }); } catch (e) { console.log('status', e.status); }
                const child = cp.spawn('sh', ['-c', 'read x; echo got $x; exit 5']);
                let seen = '';
                child.stdout.on('data', d => seen += d);
                child.on('close', (code) => {
                  console.log(JSON.stringify(seen), code);
                  cp.exec('ls /workspace/cp.js', (err, stdout) => console.log('exec', err, stdout.trim()));
                });
                child.stdin.write('ping\\n');
                child.stdin.end();
                """);
        assertEquals("HELLO\npiped in\n3 \"out\\n\" \"err\\n\"\nstatus 2\n\"got ping\\n\" 5\nexec null /workspace/cp.js\n",
                out("node /workspace/cp.js"));
    }

    @Test
    void forkedChildrenTalkOverAnIpcChannel() throws Exception {
        write("/workspace/worker.js", """
                process.on('message', (m) => {
                  if (m === 'bye') { process.disconnect(); return; }
                  process.send({ echo: m, pid: process.pid === undefined ? 'none' : 'set', env: process.env.NODE_CHANNEL_FD === undefined });
                });
                process.send('ready');
                """);
        write("/workspace/parent.js", """
                const { fork, spawn } = require('child_process');
                const child = fork('/workspace/worker.js');
                const seen = [];
                child.on('message', (m) => {
                  seen.push(JSON.stringify(m));
                  if (m === 'ready') child.send({ n: 1, text: 'line\\nbreak' });
                  else child.send('bye');
                });
                child.on('disconnect', () => seen.push('disconnect'));
                child.on('close', (code) => {
                  console.log(seen.join(' | '), 'exit', code, child.connected);
                  // An extra stdio pipe past fd 2 is a socket in the parent and fd 3 in the child.
                  const c = spawn('sh', ['-c', 'echo via-fd3 >&3'], { stdio: ['ignore', 'ignore', 'inherit', 'pipe'] });
                  let got = '';
                  c.stdio[3].on('data', (d) => got += d);
                  c.on('close', () => console.log(got.trim()));
                  try { fork('/workspace/worker.js', { stdio: ['pipe', 'pipe', 'pipe'] }); } catch (e) { console.log(e.code); }
                });
                """);
        assertEquals("\"ready\" | {\"echo\":{\"n\":1,\"text\":\"line\\nbreak\"},\"pid\":\"set\",\"env\":true} | disconnect exit 0 false\n"
                + "ERR_CHILD_PROCESS_IPC_REQUIRED\nvia-fd3\n", out("node /workspace/parent.js"));
    }

    @Test
    void processExitCodesErrorsAndEvents() throws Exception {
        assertEquals(3, exec("node -e 'process.exit(3)'").exitCode());
        assertEquals(4, exec("node -e 'process.exitCode = 4'").exitCode());
        ExecResult thrown = exec("node -e 'function boom() { throw new TypeError(\"bad thing\") } boom()'");
        assertEquals(1, thrown.exitCode());
        assertTrue(thrown.stderrText().contains("TypeError: bad thing"), thrown.stderrText());
        assertTrue(thrown.stderrText().contains("boom"), "the stack names the function: " + thrown.stderrText());
        assertEquals("exit 0\n", out("node -e 'process.on(\"exit\", c => console.log(\"exit\", c))'"));
        assertEquals("caught oops\n", out("node -e 'process.on(\"uncaughtException\", e => console.log(\"caught\", e.message)); setTimeout(() => { throw new Error(\"oops\") }, 1)'"));
        assertEquals("/tmp x=1\n", out("cd /tmp && x=1 node -e 'console.log(process.cwd(), \"x=\" + process.env.x)'"));
    }

    @Test
    void timersPromisesAndStdin() throws Exception {
        assertEquals("sync\ntick\nmicro\nt1\nt2\ni3\ndone\n", out("""
                node -e '
                setTimeout(() => console.log("t2"), 20);
                setTimeout(() => console.log("t1"), 5);
                let n = 0; const i = setInterval(() => { if (++n === 3) { clearInterval(i); console.log("i3"); } }, 30);
                setTimeout(() => {}, 100000).unref();
                (async () => { await require("timers/promises").setTimeout(150); console.log("done"); })();
                Promise.resolve().then(() => console.log("micro"));
                process.nextTick(() => console.log("tick"));
                console.log("sync");'"""));
        assertEquals("LINE1\nLINE2\n", out("printf 'line1\\nline2\\n' | node -e 'let s = \"\"; process.stdin.on(\"data\", d => s += d); process.stdin.on(\"end\", () => process.stdout.write(s.toUpperCase()))'"));
        assertEquals("5\n", out("echo 'console.log(2 + 3)' | node"));
    }

    @Test
    void guestCodeCannotReachTheHost() throws Exception {
        assertEquals("undefined undefined undefined undefined\n",
                out("node -p '[typeof Java, typeof Polyglot, typeof load, typeof Graal].join(\" \")'"));
        ExecResult r = exec("node -e 'require(\"http\").get(\"http://example.com\")'");
        assertEquals(1, r.exitCode());
        // Networking goes through the kernel, whose default policy denies the external network.
        assertTrue(r.stderrText().contains("EACCES") && r.stderrText().contains("denied by network policy"), r.stderrText());
    }

    @Test
    void aRunawayLoopEndsWithItsTimeoutAndTheVmStaysHealthy() throws Exception {
        ExecResult r = vm.process().exec("node -e 'while (true) {}'", ExecOptions.builder().timeoutMs(1500).build())
                .toCompletableFuture().get(120, TimeUnit.SECONDS);
        assertEquals(agentos.api.process.Outcome.TIMED_OUT, r.outcome());
        assertEquals("still fine\n", out("node -e 'console.log(\"still fine\")'"));
    }

    @Test
    void cryptoHashesThroughTheJdk() throws Exception {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad "
                + "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8 900150983cd24fb0d6963f7d28e17f72\n",
                out("node -p 'const c = require(\"crypto\"); [c.createHash(\"sha256\").update(\"abc\").digest(\"hex\"), "
                        + "c.createHmac(\"sha256\", \"key\").update(\"The quick brown fox jumps over the lazy dog\").digest(\"hex\"), "
                        + "c.createHash(\"md5\").update(\"a\").update(\"bc\").digest(\"hex\")].join(\" \")'"));
    }

    @Test
    void cryptoCiphersKeysSignaturesAndWebCryptoThroughTheJca() throws Exception {
        // Derivations are checked against vectors printed by Node 20 itself; the rest round-trips through both sides.
        write("/workspace/crypto.js", """
                const crypto = require('crypto');
                const key = crypto.randomBytes(32), iv = crypto.randomBytes(16);
                const c = crypto.createCipheriv('aes-256-cbc', key, iv);
                const enc = Buffer.concat([c.update('hello world'), c.final()]);
                const d = crypto.createDecipheriv('aes-256-cbc', key, iv);
                console.log(d.update(enc, undefined, 'utf8') + d.final('utf8'), enc.length);
                const g = crypto.createCipheriv('aes-128-gcm', key.subarray(0, 16), iv.subarray(0, 12));
                const ge = Buffer.concat([g.update('secret'), g.final()]), tag = g.getAuthTag();
                const gd = crypto.createDecipheriv('aes-128-gcm', key.subarray(0, 16), iv.subarray(0, 12));
                gd.setAuthTag(Buffer.alloc(16));
                gd.update(ge);
                try { gd.final(); } catch (e) { console.log('tampered:', e.message); }
                console.log(crypto.pbkdf2Sync('pw', 'salt', 1000, 16, 'sha256').toString('hex'),
                  crypto.scryptSync('pw', 'salt', 16).toString('hex'),
                  Buffer.from(crypto.hkdfSync('sha256', 'key', 'salt', 'info', 16)).toString('hex'));
                const { publicKey, privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
                const sig = crypto.sign('sha256', Buffer.from('data'), privateKey);
                const pem = privateKey.export({ type: 'pkcs1', format: 'pem' });
                console.log(privateKey.asymmetricKeyDetails.modulusLength, pem.split('\\n')[0],
                  crypto.verify('sha256', Buffer.from('data'), publicKey, sig), crypto.verify('sha256', Buffer.from('other'), publicKey, sig),
                  crypto.createPrivateKey(pem).equals(privateKey),
                  crypto.privateDecrypt(privateKey, crypto.publicEncrypt(publicKey, Buffer.from('rsa'))).toString());
                const ec = crypto.generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
                console.log(ec.publicKey.export({ format: 'jwk' }).crv,
                  crypto.createPrivateKey({ key: ec.privateKey.export({ format: 'jwk' }), format: 'jwk' }).equals(ec.privateKey));
                const a = crypto.createECDH('prime256v1'), b = crypto.createECDH('prime256v1');
                a.generateKeys(); b.generateKeys();
                console.log(a.computeSecret(b.getPublicKey()).equals(b.computeSecret(a.getPublicKey())));
                (async () => {
                  const s = globalThis.crypto.subtle;
                  const k = await s.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
                  const signature = await s.sign({ name: 'ECDSA', hash: 'SHA-256' }, k.privateKey, Buffer.from('m'));
                  console.log(signature.byteLength, await s.verify({ name: 'ECDSA', hash: 'SHA-256' }, k.publicKey, signature, Buffer.from('m')));
                })();
                """);
        assertEquals("""
                hello world 16
                tampered: Unsupported state or unable to authenticate data
                0a38253555ce37f5c72a6b703f996814 c0b515908e61334cae6d6003c00be60e 9ca0d662557439e3b83365f2da4626d3
                2048 -----BEGIN RSA PRIVATE KEY----- true false true rsa
                P-256 true
                true
                64 true
                """, out("node /workspace/crypto.js"));
    }

    @Test
    void fsWatchersSeeChangesMadeInTheVmAndDomainsCatchAsyncErrors() throws Exception {
        write("/workspace/watch.js", """
                const fs = require('fs'), domain = require('domain');
                fs.mkdirSync('/tmp/w/sub', { recursive: true });
                const w = fs.watch('/tmp/w', { recursive: true }, (type, name) => console.log('watch', type, name));
                fs.watchFile('/tmp/w/f.txt', { interval: 50 }, (cur, prev) => {
                  console.log('watchFile', prev.size, '->', cur.size);
                  fs.unwatchFile('/tmp/w/f.txt');
                });
                setTimeout(() => fs.writeFileSync('/tmp/w/f.txt', 'abc'), 200);
                setTimeout(() => fs.writeFileSync('/tmp/w/sub/g.txt', 'x'), 500);
                setTimeout(() => {
                  w.close();
                  const d = domain.create();
                  d.on('error', (e) => console.log('domain caught', e.message));
                  d.run(() => setTimeout(() => { throw new Error('from a timer'); }, 1));
                }, 800);
                """);
        // The watchers poll independently, so their lines interleave freely, and a poll between a file's creation and
        // its write may add a "change" for it.
        List<String> lines = List.of(out("node /workspace/watch.js").split("\n"));
        List<String> expected = List.of("watchFile 0 -> 3", "watch rename f.txt", "watch change sub", "watch rename sub/g.txt",
                "domain caught from a timer");
        assertTrue(lines.containsAll(expected), () -> "got " + lines);
        assertTrue(expected.containsAll(lines.stream().filter(l -> !l.matches("watch change (f\\.txt|sub/g\\.txt)")).toList()),
                () -> "got " + lines);
    }

    @Test
    void fileStreamsReadInChunksAndFileHandlesCloseOnce() throws Exception {
        write("/workspace/streams.js", """
                const fs = require('fs');
                fs.writeFileSync('/tmp/big.bin', Buffer.alloc(300000, 7));
                const chunks = [];
                const r = fs.createReadStream('/tmp/big.bin', { start: 10, end: 200009, highWaterMark: 65536 });
                r.on('data', (c) => chunks.push(c.length));
                r.on('close', async () => {
                  console.log('read', chunks.join(','), r.bytesRead);
                  const w = fs.createWriteStream('/tmp/out.txt');
                  w.on('open', () => { w.write('hello'); process.nextTick(() => { w.write(' world'); w.end(); }); });
                  w.on('close', async () => {
                    console.log('wrote', fs.readFileSync('/tmp/out.txt', 'utf8'), w.bytesWritten);
                    const h = await fs.promises.open('/tmp/out.txt');
                    h.on('close', () => console.log('handle closed'));
                    const text = [];
                    for await (const c of h.createReadStream({ encoding: 'utf8' })) text.push(c);
                    console.log('via handle', text.join(''), h.fd);
                    try { await h.read(Buffer.alloc(1)); } catch (e) { console.log('after close', e.code); }
                    const url = new URL('http://x/p?a=1&b=2'), params = url.searchParams;
                    params.append('c', 'd e!'); params.delete('a');
                    try { params.get(); } catch (e) { console.log(url.href, e.code); }
                    const t = setInterval(() => {}, 5); t.unref();
                    setTimeout(() => console.log('unref interval did not hold the process'), 30);
                  });
                });
                """);
        assertEquals("""
                read 65536,65536,65536,3392 200000
                wrote hello world 11
                handle closed
                via handle hello world -1
                after close EBADF
                http://x/p?b=2&c=d+e%21 ERR_MISSING_ARGS
                unref interval did not hold the process
                """, out("node /workspace/streams.js"));
    }

    @Test
    void zlibThroughTheJdk() throws Exception {
        assertEquals("hello zlib hello zlib true Z_DATA_ERROR 907060870\n", out("""
                node -e '
                const z = require("zlib");
                const text = "hello zlib ".repeat(100);
                const gz = z.gzipSync(text);
                const back = z.gunzipSync(gz).toString();
                const raw = z.inflateRawSync(z.deflateRawSync(Buffer.from(text))).toString();
                let code; try { z.inflateSync(Buffer.from("not zlib")); } catch (e) { code = e.code; }
                console.log(back.slice(0, 21), gz[0] === 0x1f && raw === text, code, z.crc32("hello"));'"""));
        assertEquals("ZIPPED ROUND TRIP\n", out("""
                node -e '
                const z = require("zlib");
                const parts = [];
                z.gzip("zipped round trip", (e, b) => z.createGunzip().on("data", d => parts.push(d)).on("end", () =>
                  console.log(Buffer.concat(parts).toString().toUpperCase())).end(b));'"""));
    }

    @Test
    void asyncLocalStorageFollowsAwaitTimersAndTicks() throws Exception {
        assertEquals("sync:r1 await:r1 timer:r1 tick:r1 other:r2 outside:undefined\n", out("""
                node -e '
                const { AsyncLocalStorage } = require("async_hooks");
                const als = new AsyncLocalStorage();
                const seen = [];
                const job = (id) => als.run(id, async () => {
                  if (id === "r1") seen.push("sync:" + als.getStore());
                  await null;
                  if (id === "r1") seen.push("await:" + als.getStore());
                  await new Promise((r) => setTimeout(() => { if (id === "r1") seen.push("timer:" + als.getStore()); r(); }, 5));
                  await new Promise((r) => process.nextTick(() => { seen.push(id === "r1" ? "tick:" + als.getStore() : "other:" + als.getStore()); r(); }));
                });
                Promise.all([job("r1"), job("r2")]).then(() => console.log(seen.join(" "), "outside:" + als.getStore()));'"""));
    }

    @Test
    void nodeStreamsConvertToWebStreamsAndBack() throws Exception {
        assertEquals("HELLO WEB\n", out("""
                node -e '
                const { Readable } = require("stream");
                const web = Readable.toWeb(Readable.from(["hello ", "web"].map((s) => Buffer.from(s))));
                const upper = web.pipeThrough(new TransformStream({ transform(chunk, c) { c.enqueue(new TextDecoder().decode(chunk).toUpperCase()); } }));
                let text = "";
                Readable.fromWeb(upper, { objectMode: true }).on("data", (d) => text += d).on("end", () => console.log(text));'"""));
    }

    @Test
    void buffersAndInspect() throws Exception {
        assertEquals("aGk= 6869 hi <Buffer 68 69> true\n",
                out("node -p 'const b = Buffer.from(\"hi\"); [b.toString(\"base64\"), b.toString(\"hex\"), Buffer.from(\"aGk=\", \"base64\").toString(), require(\"util\").inspect(b), Buffer.isBuffer(b.subarray(1))].join(\" \")'"));
        assertEquals("Map(1) { 'k' => [ 1, 2 ] } Set(1) { 'x' } [Function: f] 5n null undefined\n",
                out("node -e 'function f() {} console.log(new Map([[\"k\", [1, 2]]]), new Set([\"x\"]), f, 5n, null, undefined)'"));
    }

    @Test
    void esModulesImportBuiltinsPackagesCommonJsAndEachOther() throws Exception {
        vm.filesystem().mkdir("/workspace/esm/node_modules/dual/lib", true);
        vm.filesystem().mkdir("/workspace/esm/node_modules/legacy", true);
        vm.filesystem().mkdir("/workspace/esm/node_modules/modern", true);
        write("/workspace/esm/node_modules/dual/package.json", """
                {"name": "dual", "exports": {".": {"import": "./lib/esm.mjs", "require": "./lib/cjs.js"}}}""");
        write("/workspace/esm/node_modules/dual/lib/esm.mjs", "export const kind = 'import'; export default 'dual default';");
        write("/workspace/esm/node_modules/dual/lib/cjs.js", "exports.kind = 'require';");
        write("/workspace/esm/node_modules/legacy/package.json", "{\"name\": \"legacy\"}");
        write("/workspace/esm/node_modules/legacy/index.js", "module.exports = { greet: (n) => 'hi ' + n, 'not-ident': 1 };");
        write("/workspace/esm/node_modules/modern/package.json", "{\"name\": \"modern\", \"type\": \"module\", \"exports\": \"./main.js\"}");
        write("/workspace/esm/node_modules/modern/main.js", """
                import { kind } from 'dual';
                export const via = 'modern sees ' + kind;
                """);
        write("/workspace/esm/lib.mjs", "export function twice(x) { return x * 2; }\nexport const url = import.meta.url;");
        write("/workspace/esm/data.json", "{\"n\": 21}");
        write("/workspace/esm/main.mjs", """
                import fs, { readFileSync } from 'fs';
                import { join } from 'node:path';
                import dualDefault, { kind } from 'dual';
                import legacy, { greet } from 'legacy';
                import { via } from 'modern';
                import { twice, url } from './lib.mjs';
                import { createRequire } from 'module';
                const require = createRequire(import.meta.url);
                const data = JSON.parse(readFileSync(join('/workspace/esm', 'data.json'), 'utf8'));
                console.log(kind, dualDefault, greet('vm'), legacy['not-ident'], via, twice(data.n));
                console.log(url, typeof fs.writeFileSync, require('dual').kind);
                const name = './lib.mjs';
                const lib = await import(name);
                console.log('dynamic', lib.twice(5), (await import('legacy')).default.greet('again'));
                try { await import('nope'); } catch (e) { console.log(e.code); }
                """);
        assertEquals("import dual default hi vm 1 modern sees import 42\n"
                + "file:///workspace/esm/lib.mjs function require\ndynamic 10 hi again\nERR_MODULE_NOT_FOUND\n",
                out("cd /workspace/esm && node main.mjs"));
        assertEquals("esm 6\n", out("node --input-type=module -e 'import { join } from \"path\"; console.log(\"esm\", join(\"a\", \"b\").length * 2)'"));
        write("/workspace/esm/cjs-dyn.js", "import('./lib.mjs').then(m => console.log('from cjs', m.twice(4)));");
        assertEquals("from cjs 8\n", out("cd /workspace/esm && node cjs-dyn.js"));
        ExecResult bad = exec("cd /workspace/esm && node --input-type=module -e 'import x from \"./missing.mjs\"'");
        assertEquals(1, bad.exitCode());
        assertTrue(bad.stderrText().contains("Cannot find module './missing.mjs'"), bad.stderrText());
    }

    @Test
    void theJavaScriptNamespaceRunsNodeInTheVm() throws Exception {
        var js = vm.javascript();
        var options = agentos.api.code.CodeOptions.DEFAULT.withInputs("{\"name\": \"vm\", \"n\": 20}");
        ExecResult r = js.execute("import os from 'os'; console.log('hi ' + inputs.name, os.platform());", options)
                .toCompletableFuture().get(120, TimeUnit.SECONDS);
        assertEquals("hi vm linux\n", r.stdoutText(), r.stderrText());
        var v = js.evaluate("Promise.resolve({ sum: inputs.n + 1, list: [1, 'two'] })", options)
                .toCompletableFuture().get(120, TimeUnit.SECONDS);
        assertEquals("{\"sum\":21,\"list\":[1,\"two\"]}", v.valueJson(), v.result().stderrText());
        var cjs = js.evaluate("require('path').join('a', 'b')",
                agentos.api.code.CodeOptions.DEFAULT.withFormat(agentos.api.code.ModuleFormat.COMMONJS)).toCompletableFuture().get(120, TimeUnit.SECONDS);
        assertEquals("\"a/b\"", cjs.valueJson(), cjs.result().stderrText());
        var failed = js.evaluate("(() => { throw new Error('nope') })()", agentos.api.code.CodeOptions.DEFAULT)
                .toCompletableFuture().get(120, TimeUnit.SECONDS);
        assertEquals(null, failed.valueJson());
        assertTrue(failed.result().stderrText().contains("nope"), failed.result().stderrText());
        vm.filesystem().writeFile("/workspace/file.js", "console.log(process.argv.slice(2).join('+'))");
        assertEquals("x+y\n", js.executeFile("/workspace/file.js",
                new agentos.api.code.CodeOptions(agentos.api.code.ModuleFormat.COMMONJS, null, null, null, java.util.List.of("x", "y"),
                        java.util.Map.of(), null, 0, agentos.api.process.OutputCapture.ALL)).toCompletableFuture().get(120, TimeUnit.SECONDS).stdoutText());
        var p = js.spawn("setTimeout(() => process.exit(7), 10)", agentos.api.code.CodeOptions.DEFAULT);
        assertEquals(7, vm.process().waitFor(p.pid()).toCompletableFuture().get(120, TimeUnit.SECONDS).status());
        assertEquals(java.util.List.of(), vm.filesystem().readdir("/tmp/.agentos-js").stream().filter(n -> !n.endsWith(".mjs")).toList(),
                "evaluate and execute leave no files behind (spawn keeps its source)");
    }

    @Test
    void persistentContextsKeepTheirGlobalsBetweenCalls() throws Exception {
        agentos.api.code.Contexts contexts = vm.contexts();
        contexts.create("counter", agentos.api.code.Language.JAVASCRIPT);
        contexts.create("other", agentos.api.code.Language.JAVASCRIPT);
        agentos.api.code.CodeOptions cjs = agentos.api.code.CodeOptions.DEFAULT.withFormat(agentos.api.code.ModuleFormat.COMMONJS)
                .withContext("counter");
        ExecResult first = vm.javascript().execute("var count = 1; globalThis.items = ['a']; console.log('set', count)", cjs)
                .toCompletableFuture().get(60, TimeUnit.SECONDS);
        assertEquals("set 1\n", first.stdoutText());
        vm.javascript().execute("count++; items.push('b')", cjs).toCompletableFuture().get(60, TimeUnit.SECONDS);
        // Module sources see the same globalThis.
        ExecResult module = vm.javascript().execute("console.log(globalThis.items.join(','))",
                agentos.api.code.CodeOptions.DEFAULT.withContext("counter")).toCompletableFuture().get(60, TimeUnit.SECONDS);
        assertEquals("a,b\n", module.stdoutText(), module.stderrText());
        agentos.api.code.EvaluationResult v = vm.javascript().evaluate("{ count, items, n: inputs.n }", cjs.withInputs("{\"n\": 7}"))
                .toCompletableFuture().get(60, TimeUnit.SECONDS);
        assertEquals("{\"count\":2,\"items\":[\"a\",\"b\"],\"n\":7}", v.valueJson());
        agentos.api.code.EvaluationResult isolated = vm.javascript().evaluate("typeof count",
                agentos.api.code.CodeOptions.DEFAULT.withContext("other")).toCompletableFuture().get(60, TimeUnit.SECONDS);
        assertEquals("\"undefined\"", isolated.valueJson());
        ExecResult thrown = vm.javascript().execute("throw new Error('boom')", cjs).toCompletableFuture().get(60, TimeUnit.SECONDS);
        assertEquals(1, thrown.exitCode());
        assertTrue(thrown.stderrText().contains("boom"), thrown.stderrText());
        assertEquals(java.util.List.of("counter", "other"), contexts.list().stream().map(agentos.api.code.ContextDescriptor::contextId).toList());
        assertEquals(agentos.api.code.ContextState.IDLE, contexts.get("counter").orElseThrow().state());
        contexts.reset("counter");
        assertEquals("\"undefined\"", vm.javascript().evaluate("typeof count", cjs).toCompletableFuture().get(60, TimeUnit.SECONDS).valueJson());
        contexts.delete("counter");
        contexts.delete("other");
        assertTrue(contexts.list().isEmpty());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> vm.javascript().execute("1", cjs));
    }
}
