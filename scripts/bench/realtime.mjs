// `npm run bench:realtime`: how long a webhook status takes to reach Socket.IO clients
// watching the job, and how many pushes each client gets.
//
// An operator on the fake `generic` provider sends one job; 50 socket.io-client clients
// (in a worker thread, so parsing pushes does not disturb the sender's pacing) connect
// with the operator's token and `job:subscribe` to it. Signed webhook events (one
// "delivered" per request, each for a different message, so every message changes exactly
// once) are posted at fixed, evenly paced rates — 500/s, then 2,000/s, 10 s each (after an
// unmeasured 1 s warm-up) — recording when each request was written. Every client records
// when it first sees each message_id with the new status in `job.messages`; latency =
// that moment − when the webhook carrying it was written (one clock: epoch ms from
// performance.timeOrigin + performance.now() in both threads).
//
// Printed per rate: webhook → client latency p50/p90/p99/max over all (client, message)
// pairs, pairs never seen, the webhook's own ack latency, and per client the emits per
// second received (job.messages and job.stats separately) and rows per job.messages emit;
// plus CPU by process and how busy the clients' thread was.
//
// Env: DATABASE_URL (as in lib.mjs), BENCH_CLIENTS (default 50), BENCH_RATES (default
// "500,2000"), BENCH_STEP_S (default 10), BENCH_SCALE (multiplies step length),
// BENCH_CONNECTIONS (webhook connections, default 50), BENCH_REBUILD.
import crypto from 'node:crypto';
import os from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { io } from 'socket.io-client';
import {
  absNow,
  cpuMeter,
  fmt,
  loadSummary,
  log,
  now,
  onApp,
  onCleanup,
  pacedLoad,
  quantile,
  recipients,
  runBench,
  runJob,
  sleep,
  standardWebhookHeaders,
  startApp,
  startFakeProvider,
  table,
  withTimeout,
} from './lib.mjs';

const scale = Number(process.env.BENCH_SCALE ?? 1);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const RATES = (process.env.BENCH_RATES ?? '500,2000').split(',').map((s) => Number(s.trim())).filter((r) => r > 0);
const STEP_S = Number(process.env.BENCH_STEP_S ?? 10) * scale;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const WARM = { rate: 500, seconds: 1 };
const AIM = { rate: 2000, clients: 50, p99Ms: 1000 };
const SEEN_TIMEOUT_MS = 15_000;
const UNLIMITED = 100_000;
const RUN = crypto.randomBytes(4).toString('hex');
/** A message counts as updated once it shows "delivered" or anything later. */
const ADVANCED = ['delivered', 'read', 'replied'];

// ---------------------------------------------------------------------------------------
// Worker thread: the Socket.IO clients

async function runClients() {
  const { baseUrl, token, jobId, messageIds, clients } = workerData;
  const index = new Map(messageIds.map((id, i) => [id, i]));
  const advanced = new Set(ADVANCED);
  const seen = Array.from({ length: clients }, () => new Float64Array(messageIds.length));
  const emits = Array.from({ length: clients }, () => ({ messages: [], stats: [], rows: [] }));
  const sockets = [];
  for (let c = 0; c < clients; c++) {
    const socket = io(baseUrl, { path: '/socket.io', auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true, timeout: 20_000 });
    sockets.push(socket);
    socket.on('job.messages', (payload) => {
      const t = absNow();
      emits[c].messages.push(t);
      emits[c].rows.push(payload.messages.length);
      if (payload.jobId !== jobId) return;
      for (const m of payload.messages) {
        const i = index.get(m.messageId);
        if (i !== undefined && seen[c][i] === 0 && advanced.has(m.status)) seen[c][i] = t;
      }
    });
    socket.on('job.stats', () => emits[c].stats.push(absNow()));
  }
  await Promise.all(
    sockets.map(
      (s) =>
        new Promise((resolve, reject) => {
          s.once('connect', resolve);
          s.once('connect_error', (err) => reject(new Error(`socket connect: ${err.message}`)));
        }),
    ),
  );
  const acks = await Promise.all(sockets.map((s) => s.timeout(20_000).emitWithAck('job:subscribe', { jobId })));
  const refused = acks.filter((a) => !a?.ok);
  if (refused.length) throw new Error(`job:subscribe refused: ${JSON.stringify(refused[0])}`);
  let disconnects = 0;
  for (const s of sockets) s.on('disconnect', () => (disconnects += 1));

  let elu0 = performance.eventLoopUtilization();
  parentPort.on('message', (msg) => {
    if (msg.type === 'phase-start') {
      elu0 = performance.eventLoopUtilization();
      parentPort.postMessage({ type: 'ok' });
    } else if (msg.type === 'count') {
      // The fewest of `msg.indices` that any one client has seen.
      let least = Infinity;
      for (let c = 0; c < clients; c++) {
        let n = 0;
        for (const i of msg.indices) if (seen[c][i]) n++;
        least = Math.min(least, n);
      }
      parentPort.postMessage({ type: 'count', least });
    } else if (msg.type === 'phase-end') {
      // Latencies of every (client, message) pair of the phase; emits within [from, to].
      const { indices, writtenAbs, from, to } = msg;
      const lat = new Float64Array(indices.length * clients);
      let n = 0;
      let missing = 0;
      const perClient = [];
      for (let c = 0; c < clients; c++) {
        for (let j = 0; j < indices.length; j++) {
          const t = seen[c][indices[j]];
          if (t) lat[n++] = t - writtenAbs[j];
          else missing++;
        }
        const inWindow = (ts) => ts.filter((t) => t >= from && t <= to).length;
        const rows = emits[c].rows.filter((_, k) => emits[c].messages[k] >= from && emits[c].messages[k] <= to);
        perClient.push({ messages: inWindow(emits[c].messages), stats: inWindow(emits[c].stats), rows: rows.reduce((s, r) => s + r, 0) });
      }
      const elu = performance.eventLoopUtilization(elu0);
      const out = lat.slice(0, n);
      parentPort.postMessage({ type: 'phase', lat: out, missing, perClient, elu: elu.utilization, disconnects }, [out.buffer]);
    } else if (msg.type === 'close') {
      for (const s of sockets) s.close();
      parentPort.postMessage({ type: 'closed' });
    }
  });
  parentPort.postMessage({ type: 'ready' });
}

/** The worker as a request/response channel: `ask(msg)` resolves with its next reply. */
function clientPool(data) {
  const worker = new Worker(new URL(import.meta.url), { workerData: data });
  let failed = null;
  const waiters = [];
  worker.on('message', (m) => waiters.shift()?.resolve(m));
  worker.on('error', (err) => {
    failed = err;
    while (waiters.length) waiters.shift().reject(err);
  });
  worker.on('exit', (code) => {
    failed ??= new Error(`the clients' worker exited (${code})`);
    while (waiters.length) waiters.shift().reject(failed);
  });
  const next = () => new Promise((resolve, reject) => (failed ? reject(failed) : waiters.push({ resolve, reject })));
  onCleanup(() => worker.terminate());
  return {
    ready: () => withTimeout(next(), 60_000, 'socket clients to connect and subscribe'),
    ask: (msg, transfer) => {
      const reply = next();
      worker.postMessage(msg, transfer);
      return withTimeout(reply, 60_000, `clients' reply to ${msg.type}`);
    },
  };
}

// ---------------------------------------------------------------------------------------
// Main thread

function signedRequests(messageIds, from, n, secret, tag) {
  const ts = Math.floor(Date.now() / 1000);
  const out = new Array(n);
  for (let j = 0; j < n; j++) {
    const eventId = `evt_${RUN}_${tag}_${j}`;
    const body = `{"event_id":"${eventId}","messages":[{"message_id":"${messageIds[from + j]}","type":"status","status":"delivered","timestamp":${ts}}]}`;
    out[j] = { headers: { 'content-type': 'application/json', ...standardWebhookHeaders(secret, `msg_${eventId}`, ts, body) }, body };
  }
  return out;
}

async function runPhase({ app, clients, hook, messageIds, from, rate, seconds, tag }) {
  const count = Math.max(1, Math.round(rate * seconds));
  const requests = signedRequests(messageIds, from, count + CONNECTIONS, hook.secret, tag);
  const writtenAbs = new Float64Array(requests.length);
  await clients.ask({ type: 'phase-start' });
  const cpu = cpuMeter(app);
  const startAbs = absNow();
  const r = await pacedLoad({
    origin: app.baseUrl,
    path: hook.path,
    requests,
    count,
    rate,
    connections: CONNECTIONS,
    maxMs: seconds * 2500 + 5000,
    onWrite: (i, writtenAt) => (writtenAbs[i] = performance.timeOrigin + writtenAt),
  });
  const ack = loadSummary(r);
  // The messages whose webhook got a 200 (request index j ↔ message from + j).
  const sent = [];
  for (let k = 0; k < r.issued; k++) if (r.status[k] === 200) sent.push(r.requestOf[k]);
  const indices = Int32Array.from(sent, (j) => from + j);
  const deadline = now() + SEEN_TIMEOUT_MS;
  let least = 0;
  while (now() < deadline) {
    least = (await clients.ask({ type: 'count', indices })).least;
    if (least >= indices.length) break;
    await sleep(50);
  }
  const endAbs = absNow();
  const used = cpu();
  const phase = await clients.ask({ type: 'phase-end', indices, writtenAbs: Float64Array.from(sent, (j) => writtenAbs[j]), from: startAbs, to: endAbs });
  const lat = phase.lat.sort();
  const windowS = (endAbs - startAbs) / 1000;
  const per = (key) => phase.perClient.map((p) => p[key] / windowS);
  const mean = (xs) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const totalMsgEmits = phase.perClient.reduce((s, p) => s + p.messages, 0);
  return {
    rate,
    seconds,
    events: indices.length,
    ack,
    pairs: lat.length,
    missing: phase.missing,
    p50: quantile(lat, 0.5),
    p90: quantile(lat, 0.9),
    p99: quantile(lat, 0.99),
    max: lat.length ? lat[lat.length - 1] : NaN,
    windowS,
    msgEmitsPerS: mean(per('messages')),
    msgEmitsMin: Math.min(...per('messages')),
    msgEmitsMax: Math.max(...per('messages')),
    statsEmitsPerS: mean(per('stats')),
    rowsPerEmit: totalMsgEmits ? phase.perClient.reduce((s, p) => s + p.rows, 0) / totalMsgEmits : NaN,
    clientElu: phase.elu,
    disconnects: phase.disconnects,
    used,
    timedOut: least < indices.length,
  };
}

async function main() {
  console.log(`bench:realtime — node ${process.version}, ${os.cpus().length} CPU(s), ${process.env.DATABASE_URL ? 'PostgreSQL from DATABASE_URL (fresh database)' : 'embedded PostgreSQL (temp DATA_DIR)'}; ${CLIENTS} Socket.IO clients, sender, app and PostgreSQL share this machine`);
  const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
  console.log(`load average before: ${load()}`);
  const app = await startApp();
  log(`app up on ${app.baseUrl} (log: ${app.logFile})`);

  const jobSize = Math.round(WARM.rate * WARM.seconds) + RATES.reduce((s, r) => s + Math.round(r * STEP_S), 0) + (RATES.length + 1) * CONNECTIONS;
  const ids = [];
  const fake = await startFakeProvider('generic', { onAccepted: (items) => ids.push(...items.map((i) => i.messageId)) });
  const op = await app.createOperator(fake.channel(UNLIMITED), { modules: { bulk: true } });
  const run = await runJob(app, op.token, { name: 'bench-realtime', body: 'Your order is ready.', recipients: recipients(jobSize) }, { pollMs: 250, timeoutMs: 300_000 });
  if (run.job.stats.sent !== jobSize || ids.length !== jobSize) throw new Error(`job: sent ${run.job.stats.sent}, provider ids ${ids.length}, expected ${jobSize}`);
  await fake.close();
  log(`job ${run.job.id}: ${jobSize} messages sent`);
  const details = await app.http('GET', `/api/admin/users/${op.user.id}`, { token: app.adminToken });
  if (details.status !== 200) throw new Error(`GET /api/admin/users/${op.user.id}: ${details.status}`);
  const hook = { secret: details.body.webhooks.bulk.secret, ...onApp(app, details.body.webhooks.bulk.url) };

  const clients = clientPool({ baseUrl: app.baseUrl, token: op.token, jobId: run.job.id, messageIds: ids, clients: CLIENTS });
  const ready = await clients.ready();
  if (ready.type !== 'ready') throw new Error(`clients: ${JSON.stringify(ready)}`);
  log(`${CLIENTS} clients connected and subscribed to job ${run.job.id}`);

  let from = 0;
  const phases = [];
  for (const [i, { rate, seconds }] of [WARM, ...RATES.map((rate) => ({ rate, seconds: STEP_S }))].entries()) {
    await sleep(1000);
    const p = await runPhase({ app, clients, hook, messageIds: ids, from, rate, seconds, tag: `p${i}` });
    from += Math.round(rate * seconds) + CONNECTIONS;
    log(`${rate}/s${i === 0 ? ' (warm-up)' : ''}: ${p.events} events, p50 ${fmt.ms(p.p50)} ms, p99 ${fmt.ms(p.p99)} ms, missing ${p.missing}`);
    if (i > 0) phases.push(p);
  }
  await clients.ask({ type: 'close' });

  console.log(`\n1. Webhook → Socket.IO client latency, ${CLIENTS} clients subscribed to one job; one "delivered" per request, ${CONNECTIONS} webhook connections, ${fmt.s(STEP_S * 1000)} s per rate`);
  console.log('   latency = client first sees the message with its new status in job.messages − the webhook carrying it was written; over all (client, message) pairs');
  table(
    ['rate/s', 'events', 'acks/s', 'ack p50 ms', 'ack p99 ms', 'pairs', 'never seen', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms'],
    phases.map((p) => [p.rate, p.events, fmt.rate(p.ack.ackPerS), p.ack.p50.toFixed(1), p.ack.p99.toFixed(1), p.pairs, p.missing, fmt.ms(p.p50), fmt.ms(p.p90), fmt.ms(p.p99), fmt.ms(p.max)]),
  );
  console.log('\n2. Pushes received per client (window: first webhook → every client saw every message), CPU over the same window (% of one core)');
  table(
    ['rate/s', 'window s', 'job.messages/s per client (min–max)', 'job.stats/s per client', 'rows per job.messages', 'app %core', 'postgres %core', 'bench %core (sender+clients)', 'clients thread busy', 'other procs %core', 'disconnects'],
    phases.map((p) => {
      const pct = (s) => `${((s / p.used.wallS) * 100).toFixed(0)}%`;
      return [
        p.rate,
        p.windowS.toFixed(1),
        `${p.msgEmitsPerS.toFixed(2)} (${p.msgEmitsMin.toFixed(2)}–${p.msgEmitsMax.toFixed(2)})`,
        p.statsEmitsPerS.toFixed(2),
        p.rowsPerEmit.toFixed(0),
        pct(p.used.app),
        pct(p.used.postgres),
        pct(p.used.bench),
        `${(p.clientElu * 100).toFixed(0)}%`,
        pct(p.used.others),
        p.disconnects,
      ];
    }),
  );
  const target = phases.find((p) => p.rate === AIM.rate);
  if (target && CLIENTS === AIM.clients) {
    const ok = target.p99 < AIM.p99Ms && target.missing === 0 && target.ack.non200 === 0;
    console.log(`\n   aim p99 < ${AIM.p99Ms} ms at ${AIM.rate} events/s with ${AIM.clients} clients (and nothing missed): ${ok ? 'met' : 'MISSED'} — p99 ${fmt.ms(target.p99)} ms, ${target.missing} pairs never seen`);
  }
  console.log(`load average after: ${load()}`);
  const problems = phases.filter((p) => p.ack.non200 || p.timedOut).map((p) => `${p.rate}/s: ${p.ack.non200} non-200, ${p.missing} pairs never seen within ${SEEN_TIMEOUT_MS / 1000} s`);
  if (problems.length) throw new Error(problems.join('; '));
}

if (isMainThread) runBench(main, { timeoutMs: 15 * 60_000 });
else
  runClients().catch((err) => {
    parentPort.postMessage({ type: 'error', error: String(err.stack ?? err) });
    process.exit(1);
  });
