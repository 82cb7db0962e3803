#!/usr/bin/env node
// A scripted ACP agent for the session layer's tests: newline-delimited JSON-RPC on stdio, behaviour chosen by
// the prompt's words. It runs under the VM's own node like a real agent does.
const readline = require('readline');
let nextId = 1000;
const waiting = new Map();
let sessions = 0;
let cancelled = false;
const send = (m) => process.stdout.write(JSON.stringify(Object.assign({ jsonrpc: '2.0' }, m)) + '\n');
const call = (method, params) => new Promise((resolve) => { const id = nextId++; waiting.set(id, resolve); send({ id, method, params }); });
const update = (sessionId, u) => send({ method: 'session/update', params: { sessionId, update: u } });
const say = (sessionId, text) => update(sessionId, { sessionUpdate: 'agent_message_chunk', content: { type: 'text', text } });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function prompt(p) {
  const sid = p.sessionId;
  const text = p.prompt.filter((b) => b.type === 'text').map((b) => b.text).join(' ');
  cancelled = false;
  if (text.includes('ask')) {
    update(sid, { sessionUpdate: 'tool_call', toolCallId: 't1', title: 'Write notes.txt', kind: 'edit', status: 'pending' });
    const r = await call('session/request_permission', { sessionId: sid, toolCall: { toolCallId: 't1', title: 'Write notes.txt' },
      options: [{ optionId: 'yes-once', name: 'Allow', kind: 'allow_once' }, { optionId: 'no-once', name: 'Reject', kind: 'reject_once' }] });
    const o = r.result.outcome;
    say(sid, 'outcome:' + (o.outcome === 'selected' ? o.optionId : 'cancelled'));
    return { stopReason: o.outcome === 'cancelled' ? 'cancelled' : 'end_turn' };
  }
  if (text.includes('slow')) {
    for (let i = 0; i < 100 && !cancelled; i++) { say(sid, '.'); await sleep(50); }
    return { stopReason: cancelled ? 'cancelled' : 'end_turn' };
  }
  if (text.includes('exit')) { say(sid, 'bye'); process.stderr.write('agent: exiting on request\n'); setTimeout(() => process.exit(3), 20); return new Promise(() => {}); }
  if (text.includes('huge')) { process.stdout.write('{"jsonrpc":"2.0","method":"session/update","params":{"x":"' + 'x'.repeat(8192) + '"}}\n'); return new Promise(() => {}); }
  if (text.includes('bogus')) {
    const r = await call('x/unknown', {});
    say(sid, 'error:' + (r.error ? r.error.code : 'none'));
    return { stopReason: 'end_turn' };
  }
  if (text.includes('files')) {
    await call('fs/write_text_file', { sessionId: sid, path: '/workspace/fs.txt', content: 'a\nb\nc\n' });
    const r = await call('fs/read_text_file', { sessionId: sid, path: '/workspace/fs.txt', line: 2, limit: 1 });
    const t = await call('terminal/create', { sessionId: sid, command: 'sh', args: ['-c', 'echo term-out; exit 4'] });
    const w = await call('terminal/wait_for_exit', { sessionId: sid, terminalId: t.result.terminalId });
    const out = await call('terminal/output', { sessionId: sid, terminalId: t.result.terminalId });
    await call('terminal/release', { sessionId: sid, terminalId: t.result.terminalId });
    say(sid, 'read:' + r.result.content + ' exit:' + w.result.exitCode + ' out:' + out.result.output.trim());
    return { stopReason: 'end_turn' };
  }
  update(sid, { sessionUpdate: 'plan', entries: [{ content: 'echo', priority: 'high', status: 'completed' }] });
  say(sid, 'echo: ');
  say(sid, text);
  return { stopReason: 'end_turn' };
}

const handlers = {
  initialize: async () => process.env.SCRIPT_HANG_INIT === '1' ? new Promise(() => {}) : ({ protocolVersion: 1, agentCapabilities: { loadSession: process.env.SCRIPT_LOAD === '1',
    promptCapabilities: { image: false, embeddedContext: true } }, agentInfo: { name: 'script-agent', title: 'Script', version: '1.0.0' },
    authMethods: [] }),
  'session/new': async (p) => ({ sessionId: 'script-' + (++sessions) + '-' + p.cwd + '-' + (process.argv.slice(2).join(' ')),
    modes: { currentModeId: 'default', availableModes: [{ id: 'default', name: 'Default' }, { id: 'plan', name: 'Plan' }] } }),
  'session/set_mode': async (p) => { update(p.sessionId, { sessionUpdate: 'current_mode_update', currentModeId: p.modeId }); return {}; },
  'session/prompt': prompt,
};

readline.createInterface({ input: process.stdin }).on('line', async (line) => {
  if (!line.trim()) return;
  const m = JSON.parse(line);
  if (m.method === undefined) { const w = waiting.get(m.id); waiting.delete(m.id); if (w) w(m); return; }
  if (m.method === 'session/cancel') { cancelled = true; return; }
  const h = handlers[m.method];
  if (m.id === undefined) return;
  if (!h) { send({ id: m.id, error: { code: -32601, message: 'no ' + m.method } }); return; }
  try { send({ id: m.id, result: await h(m.params || {}) }); } catch (e) { send({ id: m.id, error: { code: -32603, message: String(e) } }); }
});
