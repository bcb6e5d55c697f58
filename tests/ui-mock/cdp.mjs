// Drive headless Chromium over the DevTools protocol (no npm packages): run a scenario of steps
// against the dashboard and take screenshots. Node 20: run with --experimental-websocket.
//
//   node --experimental-websocket tests/ui-mock/cdp.mjs scenario.json
//   RUNRATE_URL=http://127.0.0.1:5000 SHOT_DIR=/tmp/shots node --experimental-websocket ... (other server / folder)
//
// A scenario: {"base": "http://127.0.0.1:8088", "width": 1280, "height": 900, "dark": false,
//   "steps": [{"goto": "/"}, {"wait": "document.querySelector('main').dataset.state === 'ready'"},
//             {"click": "[data-testid=nav-cohorts]"}, {"hover": "[data-kpi=nrr]"}, {"type": ["#customers-q", "lumen"]},
//             {"eval": "..."}, {"assert": "expr", "msg": "..."}, {"sleep": 500},
//             {"viewport": [375, 800, true]}, {"shot": "/tmp/x.png", "full": true}]}
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const scenario = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const base = process.env.RUNRATE_URL || scenario.base || 'http://127.0.0.1:8088';
const shotDir = process.env.SHOT_DIR || '/tmp';

const chrome = spawn('chromium', [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--hide-scrollbars', '--remote-debugging-port=0', 'about:blank',
], { stdio: ['ignore', 'ignore', 'pipe'] });

const wsUrl = await new Promise((resolve, reject) => {
  let buf = '';
  const t = setTimeout(() => reject(new Error('chromium did not start')), 20000);
  chrome.stderr.on('data', (d) => {
    buf += d;
    const m = buf.match(/DevTools listening on (ws:\/\/\S+)/);
    if (m) { clearTimeout(t); resolve(m[1]); }
  });
});

const port = new URL(wsUrl).port;
const targets = await (await fetch(`http://127.0.0.1:${port}/json`)).json();
const page = targets.find((t) => t.type === 'page');
const ws = new WebSocket(page.webSocketDebuggerUrl);
await new Promise((r) => ws.addEventListener('open', r));
let seq = 0;
const pending = new Map();
const logs = [];
ws.addEventListener('message', (ev) => {
  const msg = JSON.parse(ev.data);
  if (msg.id && pending.has(msg.id)) {
    const { resolve, reject } = pending.get(msg.id);
    pending.delete(msg.id);
    if (msg.error) reject(new Error(JSON.stringify(msg.error))); else resolve(msg.result);
  } else if (msg.method === 'Runtime.consoleAPICalled') {
    logs.push(`console.${msg.params.type}: ${msg.params.args.map((a) => a.value ?? a.description).join(' ')}`);
  } else if (msg.method === 'Runtime.exceptionThrown') {
    logs.push(`exception: ${msg.params.exceptionDetails.exception?.description || msg.params.exceptionDetails.text}`);
  } else if (msg.method === 'Log.entryAdded') {
    logs.push(`log.${msg.params.entry.level}: ${msg.params.entry.text} ${msg.params.entry.url || ''}`);
  }
});
const send = (method, params = {}) => new Promise((resolve, reject) => {
  const id = ++seq;
  pending.set(id, { resolve, reject });
  ws.send(JSON.stringify({ id, method, params }));
});
const evaluate = async (expression) => {
  const r = await send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
  if (r.exceptionDetails) throw new Error(`eval failed: ${expression}\n${r.exceptionDetails.exception?.description}`);
  return r.result.value;
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function viewport(width, height, mobile = false) {
  await send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile });
}

let failures = 0;
let passes = 0;
try {
  await send('Page.enable');
  await send('Runtime.enable');
  await send('Log.enable');
  await viewport(scenario.width || 1280, scenario.height || 900, false);
  await send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-color-scheme', value: scenario.dark ? 'dark' : 'light' }] });
  for (const step of scenario.steps) {
    if (step.goto) {
      await send('Page.navigate', { url: base + step.goto });
      await sleep(300);
    } else if (step.wait) {
      const until = Date.now() + (step.timeout || 8000);
      while (!(await evaluate(step.wait).catch(() => false))) {
        if (Date.now() > until) throw new Error(`timeout waiting for ${step.wait}`);
        await sleep(100);
      }
    } else if (step.click) {
      await evaluate(`(() => { const el = document.querySelector(${JSON.stringify(step.click)}); if (!el) throw new Error('no ' + ${JSON.stringify(step.click)}); el.scrollIntoView({block:'center'}); el.click(); })()`);
    } else if (step.hover) {
      const r = await evaluate(`(() => { const el = document.querySelector(${JSON.stringify(step.hover)}); el.scrollIntoView({block:'center'}); const b = el.getBoundingClientRect(); return [b.x + b.width / 2, b.y + b.height / 2]; })()`);
      await send('Input.dispatchMouseEvent', { type: 'mouseMoved', x: r[0], y: r[1] });
    } else if (step.type) {
      const [sel, text] = step.type;
      await evaluate(`(() => { const el = document.querySelector(${JSON.stringify(sel)}); el.focus(); el.value = ${JSON.stringify(text)}; el.dispatchEvent(new Event('input', {bubbles:true})); el.dispatchEvent(new Event('change', {bubbles:true})); })()`);
    } else if (step.eval) {
      const v = await evaluate(step.eval);
      if (v !== undefined) console.log(`eval: ${typeof v === 'string' ? v : JSON.stringify(v)}`);
    } else if (step.assert) {
      const ok = await evaluate(step.assert);
      console.log(`${ok ? 'ok  ' : 'FAIL'} ${step.msg || step.assert}`);
      if (ok) passes++; else failures++;
    } else if (step.sleep) {
      await sleep(step.sleep);
    } else if (step.viewport) {
      await viewport(...step.viewport);
      await sleep(300);
    } else if (step.dark !== undefined) {
      await send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-color-scheme', value: step.dark ? 'dark' : 'light' }] });
      await sleep(200);
    }
    if (step.shot) {
      await sleep(step.settle ?? 400);
      const params = { format: 'png' };
      if (step.full) {
        const m = await send('Page.getLayoutMetrics');
        const w = Math.ceil(m.cssLayoutViewport.clientWidth);
        const h = Math.ceil(m.cssContentSize.height);
        params.clip = { x: 0, y: 0, width: w, height: h, scale: 1 };
        params.captureBeyondViewport = true;
      }
      const { data } = await send('Page.captureScreenshot', params);
      const file = step.shot.includes('/') ? step.shot : `${shotDir}/${step.shot}`;
      writeFileSync(file, Buffer.from(data, 'base64'));
      console.log(`shot ${file}`);
    }
  }
} catch (e) {
  console.error(String(e.stack || e));
  failures++;
} finally {
  for (const l of logs) console.log(l);
  ws.close();
  chrome.kill();
}
console.log(`${passes} passed, ${failures} failed`);
process.exit(failures ? 1 : 0);
