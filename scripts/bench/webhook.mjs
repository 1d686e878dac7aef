// `npm run bench:webhook`: how fast the Bulk Status Webhook acknowledges signed events and
// how fast they are applied afterwards, against two floors on the same machine.
//
// 1. An operator on the fake `generic` provider sends one job (enough messages that every
//    event below is a real transition: each message gets "delivered", then "read"). Its
//    bulk webhook URL and secret come from GET /api/admin/users/:id.
// 2. At fixed, evenly paced rates (default 1,000 / 2,000 / 3,000 / 4,000 requests/s for
//    10 s each, 100 keep-alive connections; autocannon's client with a shared schedule, see
//    lib.mjs pacedLoad), pre-generated requests are posted, each signed per Standard
//    Webhooks with its own event_id and a current timestamp, one status per request:
//    `{event_id, messages: [{message_id, type: "status", status, timestamp}]}`. The same
//    load also goes to
//      (a) "verify+200": a bare node:http server that verifies the signature and answers 200;
//      (b) "verify+INSERT": the same, plus one `INSERT … ON CONFLICT DO NOTHING` per request
//          (own pg Pool of 20, same PostgreSQL, a throwaway table) before answering.
//    Per step: 200s per second, non-200s, ack latency p50/p99 (write → response; and from
//    the request's scheduled time, which includes waiting for a free connection), for the
//    app the largest backlog of pending events seen (polled every 100 ms) and the time from
//    the last 200 until `SELECT count(*) FROM bulk_events WHERE outcome = 'pending'` is 0
//    (polled every 20 ms), CPU by process, WAL written per event and WAL fsyncs/s
//    (pg_stat_wal, pg_stat_io: cluster-wide, so per target), and for the app how often a
//    webhook key was looked up in the database. Then, for the app, latency p99/max per
//    second of each step and what its active DB sessions were doing (pg_stat_activity
//    sampled every 100 ms), to tell where the time goes.
// 3. Meta: an operator on the fake `meta` provider sends 1,100 messages; one POST carries
//    1,000 of their statuses (X-Hub-Signature-256): its ack time and the time until all
//    1,000 are applied (after an unmeasured 100-status warm-up POST).
//
// Env: DATABASE_URL (use that server, fresh database dropped afterwards; else embedded),
// BENCH_RATES (e.g. "1000,2000,3000,4000"), BENCH_STEP_S (seconds per step, default 10),
// BENCH_CONNECTIONS (default 100), BENCH_SCALE (multiplies step length, e.g. 0.2),
// BENCH_APP_NODE_ARGS (node flags for the app, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"),
// BENCH_SPLIT=1 (webhooks go to a second instance with WORKERS=0 on the same database, so
// ingest does not share its event loop with the processor and realtime publisher; that
// instance cannot wake the processor, which then finds events by its 200 ms poll),
// BENCH_CHECKPOINT=1 (CHECKPOINT before every step, so each starts from the same WAL state),
// BENCH_TRACE=1 (also latency p99/max per 100 ms of each bluetick step),
// BENCH_REBUILD (see lib.mjs).
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import os from 'node:os';
import pg from 'pg';
import {
  cpuMeter,
  fmt,
  loadSummary,
  log,
  metaSignature,
  now,
  onApp,
  onCleanup,
  pacedLoad,
  quantile,
  recipients,
  request,
  root,
  runBench,
  runJob,
  sleep,
  standardWebhookHeaders,
  startApp,
  startFakeProvider,
  table,
  treeCpuSeconds,
  withTimeout,
} from './lib.mjs';

const scale = Number(process.env.BENCH_SCALE ?? 1);
const RATES = (process.env.BENCH_RATES ?? '1000,2000,3000,4000').split(',').map((s) => Number(s.trim())).filter((r) => r > 0);
const STEP_S = Number(process.env.BENCH_STEP_S ?? 10) * scale;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 100);
const WARM = { rate: 500, seconds: 2 };
const META_EVENTS = 1000;
const META_WARM = 100;
const AIM = { eventsPerS: 3000, p99Ms: 50, drainMs: 1000 };
const TARGETS = ['verify+200', 'verify+INSERT', 'bluetick'];
const UNLIMITED = 100_000;
const RUN = crypto.randomBytes(4).toString('hex');
const SPLIT = process.env.BENCH_SPLIT === '1';
const CHECKPOINT = process.env.BENCH_CHECKPOINT === '1';

const unixNow = () => Math.floor(Date.now() / 1000);

// ---------------------------------------------------------------------------------------
// Signed requests

/**
 * Events over a pool of message ids: the k-th event is "delivered" for message k while
 * k < pool size, then "read" for message k − pool size, so every event is a transition.
 */
function eventSource(messageIds, target) {
  let cursor = 0;
  return {
    /** `n` pre-signed requests from the cursor on (the cursor only moves by what was used). */
    make(n, tag, secret) {
      const ts = unixNow();
      const out = new Array(n);
      for (let j = 0; j < n; j++) {
        const k = cursor + j;
        const messageId = messageIds[k % messageIds.length];
        const status = k < messageIds.length ? 'delivered' : 'read';
        const eventId = `evt_${RUN}_${target}_${tag}_${j}`;
        const body = `{"event_id":"${eventId}","messages":[{"message_id":"${messageId}","type":"status","status":"${status}","timestamp":${ts}}]}`;
        out[j] = { headers: { 'content-type': 'application/json', ...standardWebhookHeaders(secret, `msg_${eventId}`, ts, body) }, body };
      }
      return out;
    },
    advance(used) {
      cursor += used;
    },
    get cursor() {
      return cursor;
    },
  };
}

// ---------------------------------------------------------------------------------------
// The two floors: node:http servers in their own process

const BASELINE_SERVER = String.raw`
const http = require('node:http');
const crypto = require('node:crypto');
const key = Buffer.from(process.env.BASE_SECRET.slice(6), 'base64');
const insert = process.env.BASE_MODE === 'insert';
const pool = insert ? new (require('pg').Pool)({ connectionString: process.env.BASE_DB, max: 20 }) : null;
if (pool) pool.on('error', () => {});
const sql = 'INSERT INTO ' + process.env.BASE_TABLE + ' (event_id, body) VALUES ($1, $2) ON CONFLICT DO NOTHING';
const reply = (res, status, obj) => {
  const b = JSON.stringify(obj);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(b) });
  res.end(b);
};
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    const id = req.headers['webhook-id'];
    const ts = req.headers['webhook-timestamp'];
    const sigs = String(req.headers['webhook-signature'] || '').split(' ').filter(Boolean);
    if (!id || !ts || !/^\d+$/.test(ts) || Math.abs(Date.now() / 1000 - Number(ts)) > 300) return reply(res, 401, { error: 'bad timestamp' });
    const expected = crypto.createHmac('sha256', key).update(id + '.' + ts + '.').update(body).digest();
    const ok = sigs.some((e) => {
      const [v, enc] = e.split(',', 2);
      if (v !== 'v1' || !enc) return false;
      const got = Buffer.from(enc, 'base64');
      return got.length === expected.length && crypto.timingSafeEqual(got, expected);
    });
    if (!ok) return reply(res, 401, { error: 'signature does not match' });
    if (!pool) return reply(res, 200, { received: 1, duplicates: 0 });
    let eventId;
    try {
      eventId = String(JSON.parse(body.toString('utf8')).event_id);
    } catch {
      return reply(res, 400, { error: 'not JSON' });
    }
    pool.query(sql, [eventId, body.toString('utf8')]).then(
      (r) => reply(res, 200, { received: r.rowCount, duplicates: 1 - r.rowCount }),
      (err) => reply(res, 500, { error: err.message }),
    );
  });
});
server.keepAliveTimeout = 60000;
server.headersTimeout = 65000;
server.listen(0, '127.0.0.1', () => console.log('LISTENING ' + server.address().port));
process.on('SIGTERM', () => { server.close(); (pool ? pool.end() : Promise.resolve()).finally(() => process.exit(0)); setTimeout(() => process.exit(0), 3000).unref(); });
`;

async function startBaseline(mode, secret, databaseUrl, tableName) {
  const child = spawn(process.execPath, ['-e', BASELINE_SERVER], {
    cwd: root,
    env: { ...process.env, BASE_MODE: mode, BASE_SECRET: secret, BASE_DB: databaseUrl, BASE_TABLE: tableName },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let exited = false;
  const exit = new Promise((resolve) => child.once('exit', () => resolve((exited = true))));
  onCleanup(async () => {
    if (!exited) child.kill('SIGTERM');
    await Promise.race([exit, sleep(5000)]);
    if (!exited) child.kill('SIGKILL');
  });
  const port = await withTimeout(
    new Promise((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        const m = /LISTENING (\d+)/.exec(out);
        if (m) resolve(Number(m[1]));
      });
      child.once('exit', (code) => reject(new Error(`baseline ${mode} exited (${code})`)));
    }),
    10_000,
    `baseline ${mode} to listen`,
  );
  return { mode, child, origin: `http://127.0.0.1:${port}` };
}

// ---------------------------------------------------------------------------------------
// Database counters

async function dbClient(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  onCleanup(() => client.end().catch(() => {}));
  return client;
}

const pendingCount = async (db, userId) =>
  Number((await db.query(`SELECT count(*)::int AS n FROM bulk_events WHERE outcome = 'pending'${userId ? ' AND user_id = $1' : ''}`, userId ? [userId] : [])).rows[0].n);

async function outcomes(db, userId) {
  const { rows } = await db.query(`SELECT outcome, count(*)::int AS n FROM bulk_events WHERE user_id = $1 GROUP BY outcome ORDER BY outcome`, [userId]);
  return Object.fromEntries(rows.map((r) => [r.outcome, r.n]));
}

/** Polls the pending count every `everyMs` until 0; resolves with the time it was first seen 0. */
async function drained(db, { everyMs = 20, timeoutMs = 180_000, userId } = {}) {
  const deadline = now() + timeoutMs;
  for (;;) {
    const at = now();
    if ((await pendingCount(db, userId)) === 0) return at;
    if (now() > deadline) throw new Error(`events still pending after ${timeoutMs / 1000} s`);
    await sleep(Math.max(0, everyMs - (now() - at)));
  }
}

/**
 * Cluster-wide WAL written so far and WAL fsyncs (pg_stat_wal, pg_stat_io), and scans of
 * webhook_endpoints (how often a webhook key was looked up, not served from the cache).
 * Statistics lag up to ~1 s.
 */
async function walStats(db) {
  await db.query('SELECT pg_stat_clear_snapshot()');
  const { rows } = await db.query(
    `SELECT (SELECT wal_bytes FROM pg_stat_wal)::float8 AS bytes, (SELECT wal_fpi FROM pg_stat_wal)::float8 AS fpi,
            (SELECT coalesce(sum(fsyncs), 0) FROM pg_stat_io WHERE object = 'wal')::float8 AS fsyncs,
            (SELECT seq_scan + coalesce(idx_scan, 0) FROM pg_stat_user_tables WHERE relname = 'webhook_endpoints')::float8 AS lookups`,
  );
  return rows[0];
}

/** What the app's active database sessions are doing right now: wait event, or "CPU". */
async function activeWaits(db) {
  const { rows } = await db.query(
    `SELECT coalesce(wait_event_type || ':' || wait_event, 'CPU') AS w,
            CASE WHEN query ILIKE 'INSERT INTO bulk_events%' THEN 'inbox INSERT'
                 WHEN query ILIKE '%FROM bulk_events%FOR UPDATE%' OR query ILIKE 'UPDATE bulk_events%'
                   OR query ILIKE '%bulk_messages%' OR query ILIKE '%bulk_jobs%' THEN 'processor/publisher'
                 WHEN query ILIKE '%socket_io%' OR query ILIKE '%NOTIFY%' THEN 'socket.io adapter'
                 WHEN query IN ('COMMIT', 'BEGIN') THEN query
                 ELSE left(regexp_replace(query, '\\s+', ' ', 'g'), 30) END AS q
       FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()`,
  );
  return rows.map((r) => `${r.q} [${r.w}]`);
}

/** Per `ms` of the schedule: 200s and latency p99 / max (ms) of the requests written in it. */
function perSecond(r, ms = 1000) {
  const buckets = [];
  for (let k = 0; k < r.issued; k++) {
    if (r.status[k] !== 200) continue;
    const b = Math.floor((r.scheduledAt[k] - r.t0) / ms);
    (buckets[b] ??= []).push(r.ackAt[k] - r.writtenAt[k]);
  }
  return buckets.map((lat) => {
    const s = Float64Array.from(lat ?? []).sort();
    return { n: s.length, p99: quantile(s, 0.99), max: s.length ? s[s.length - 1] : NaN };
  });
}

/** CPU meter covering the app tree (node + its PostgreSQL) and a baseline server process. */
function meter(app, extraPid) {
  const base = cpuMeter(app);
  const extra0 = extraPid ? (treeCpuSeconds(extraPid).node ?? 0) : 0;
  return () => {
    const used = base();
    used.baseline = extraPid ? (treeCpuSeconds(extraPid).node ?? 0) - extra0 : 0;
    used.others = Math.max(0, used.others - used.baseline);
    return used;
  };
}

// ---------------------------------------------------------------------------------------
// One run of one target at one rate

async function runStep({ app, db, target, origin, path, source, secret, rate, seconds, tag }) {
  const count = Math.max(1, Math.round(rate * seconds));
  const requests = source.make(count + CONNECTIONS, tag, secret);
  if (CHECKPOINT) await db.query('CHECKPOINT');
  const wal0 = await walStats(db).catch(() => null);
  const cpu = meter(app, target.child?.pid);
  let maxBacklog = 0;
  let polling = target.isApp;
  const waits = new Map();
  let samples = 0;
  const poller = (async () => {
    while (polling) {
      const at = now();
      maxBacklog = Math.max(maxBacklog, await pendingCount(db).catch(() => 0));
      for (const w of await activeWaits(db).catch(() => [])) waits.set(w, (waits.get(w) ?? 0) + 1);
      samples += 1;
      await sleep(Math.max(0, 100 - (now() - at)));
    }
  })();
  const r = await pacedLoad({ origin, path, requests, count, rate, connections: CONNECTIONS, maxMs: seconds * 1000 * 2.5 + 5000 });
  const s = loadSummary(r);
  let drainMs = NaN;
  let drainedAt = s.lastOkAt;
  if (target.isApp) {
    drainedAt = await drained(db);
    drainMs = Math.max(0, drainedAt - s.lastOkAt);
    polling = false;
  }
  await poller;
  const used = cpu();
  await sleep(1100); // backends report WAL statistics about once a second
  const wal1 = await walStats(db).catch(() => null);
  const wal = wal0 && wal1 ? { bytes: wal1.bytes - wal0.bytes, fpi: wal1.fpi - wal0.fpi, fsyncs: wal1.fsyncs - wal0.fsyncs, lookups: wal1.lookups - wal0.lookups } : null;
  source.advance(requests.length); // unsent ones are skipped: a later "read" is still a transition
  return { target: target.name, rate, seconds, ...s, maxBacklog, drainMs, processedPerS: target.isApp ? (s.ok * 1000) / (drainedAt - r.t0) : NaN, used, wal, waits, samples, perSecond: perSecond(r), per100ms: process.env.BENCH_TRACE === '1' ? perSecond(r, 100) : null };
}

// ---------------------------------------------------------------------------------------
// Meta: one POST of 1,000 statuses

function metaBody(wamids, phoneNumberId) {
  const ts = String(unixNow());
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550783881', phone_number_id: phoneNumberId },
              statuses: wamids.map(({ id, to }) => ({ id, status: 'delivered', timestamp: ts, recipient_id: to })),
            },
          },
        ],
      },
    ],
  });
}

async function runMeta(app, db, meta) {
  const post = async (items) => {
    const body = metaBody(items, meta.fake.phoneNumberId);
    const started = now();
    const res = await request(app.baseUrl, 'POST', meta.path, { body, headers: { 'x-hub-signature-256': metaSignature(body, meta.appSecret) }, timeoutMs: 60_000 });
    const ackedAt = now();
    if (res.status !== 200) throw new Error(`Meta webhook: HTTP ${res.status} ${String(res.text).slice(0, 300)}`);
    const appliedAt = await drained(db, { everyMs: 5, userId: meta.op.user.id });
    return { bytes: Buffer.byteLength(body), started, ackedAt, appliedAt, response: res.body };
  };
  await post(meta.wamids.slice(0, META_WARM)); // warm-up, not reported
  const before = await outcomes(db, meta.op.user.id);
  const m = await post(meta.wamids.slice(META_WARM, META_WARM + META_EVENTS));
  const after = await outcomes(db, meta.op.user.id);
  const applied = (after.applied ?? 0) - (before.applied ?? 0);
  return { ...m, applied, after };
}

// ---------------------------------------------------------------------------------------

async function setUpGeneric(app, jobSize) {
  const ids = [];
  const fake = await startFakeProvider('generic', { onAccepted: (items) => ids.push(...items.map((i) => i.messageId)) });
  const op = await app.createOperator(fake.channel(UNLIMITED), { modules: { bulk: true } });
  const started = now();
  const run = await runJob(app, op.token, { name: 'bench-webhook', body: 'Your order is ready. Confirm pickup?', recipients: recipients(jobSize) }, { pollMs: 250, timeoutMs: 300_000 });
  if (run.job.stats.sent !== jobSize || ids.length !== jobSize) throw new Error(`generic job: sent ${run.job.stats.sent}, provider ids ${ids.length}, expected ${jobSize}`);
  log(`generic job of ${jobSize} sent in ${fmt.s(now() - started)} s`);
  const res = await app.http('GET', `/api/admin/users/${op.user.id}`, { token: app.adminToken });
  if (res.status !== 200) throw new Error(`GET /api/admin/users/${op.user.id}: ${res.status}`);
  const { url, secret, active } = res.body.webhooks.bulk;
  if (!active) throw new Error('the bulk webhook is not active');
  await fake.close();
  return { op, ids, jobId: run.job.id, secret, ...onApp(app, url) };
}

async function setUpMeta(app) {
  const wamids = [];
  const fake = await startFakeProvider('meta', { onAccepted: (items) => wamids.push(...items.map((i) => ({ id: i.messageId, to: i.to }))) });
  const channel = fake.channel(UNLIMITED);
  const op = await app.createOperator(channel, { modules: { bulk: true } });
  const n = META_WARM + META_EVENTS;
  const run = await runJob(app, op.token, { name: 'bench-webhook-meta', body: 'Your order is ready.', recipients: recipients(n, 500_000) }, { pollMs: 250, timeoutMs: 300_000 });
  if (run.job.stats.sent !== n || wamids.length !== n) throw new Error(`meta job: sent ${run.job.stats.sent}, provider ids ${wamids.length}, expected ${n}`);
  const res = await app.http('GET', `/api/admin/users/${op.user.id}`, { token: app.adminToken });
  await fake.close();
  return { op, fake, wamids, appSecret: channel.config.appSecret, jobId: run.job.id, ...onApp(app, res.body.webhooks.bulk.url) };
}

function printSteps(results) {
  console.log(`\n1. Fixed-rate load, one status event per request, ${CONNECTIONS} keep-alive connections, ${fmt.s(STEP_S * 1000)} s per step`);
  console.log('   acks/s = 200s / (first scheduled request → last 200); latency = request written → response (sched→ack: from its scheduled time)');
  console.log('   backlog = most pending events seen (every 100 ms); drain = last 200 → pending count 0 (polled every 20 ms); %core of one core over the step (bluetick: incl. drain)');
  table(
    ['rate/s', 'target', 'sent', '200', 'non-200', 'acks/s', 'p50 ms', 'p99 ms', 'max ms', 'sched→ack p99', 'backlog max', 'drain ms', 'applied/s', 'server %core', 'postgres %core', 'loadgen %core', 'other procs %core', 'WAL B/event', 'WAL fsyncs/s', 'key lookups in DB'],
    results.map((r) => {
      const pct = (s) => `${((s / r.used.wallS) * 100).toFixed(0)}%`;
      const server = r.target === 'bluetick' ? r.used.app + r.used.baseline : r.used.baseline;
      return [
        r.rate,
        r.target,
        r.issued,
        r.ok,
        r.non200 ? `${r.non200} ${JSON.stringify(r.byStatus)}` : 0,
        fmt.rate(r.ackPerS),
        r.p50.toFixed(1),
        r.p99.toFixed(1),
        r.max.toFixed(0),
        r.schedP99.toFixed(1),
        r.target === 'bluetick' ? r.maxBacklog : '—',
        r.target === 'bluetick' ? fmt.ms(r.drainMs) : '—',
        r.target === 'bluetick' ? fmt.rate(r.processedPerS) : '—',
        SPLIT && r.target === 'bluetick' ? `${pct(r.used.baseline)} ingest + ${pct(r.used.app)} workers` : pct(server),
        pct(r.used.postgres),
        pct(r.used.bench),
        pct(r.used.others),
        r.wal && r.ok ? fmt.ms(r.wal.bytes / r.ok) : '—',
        r.wal ? fmt.rate((r.wal.fsyncs * 1000) / (r.used.wallS * 1000)) : '—',
        r.target === 'bluetick' && r.wal ? r.wal.lookups : '—',
      ];
    }),
  );
}

function printTimelines(results) {
  console.log('\n   bluetick, per second of each step: latency p99/max ms of the requests scheduled in it; then what its active DB sessions were doing (share of 100 ms samples)');
  for (const r of results.filter((x) => x.target === 'bluetick')) {
    console.log(`   ${String(r.rate).padStart(5)}/s: ${r.perSecond.map((b) => `${fmt.ms(b.p99)}/${fmt.ms(b.max)}`).join(' ')}`);
    const top = [...r.waits.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5);
    if (r.per100ms) console.log(`          per 100 ms: ${r.per100ms.map((b) => `${fmt.ms(b.p99)}/${fmt.ms(b.max)}`).join(' ')}`);
    console.log(`          DB: ${top.map(([w, n]) => `${w} ${((n / r.samples) * 100).toFixed(0)}%`).join(', ') || 'idle'}`);
  }
}

function printRatios(results) {
  console.log('\n2. Bluetick relative to the floors at the same offered load (acks/s ratio; p99 side by side)');
  const at = (rate, target) => results.find((r) => r.rate === rate && r.target === target);
  table(
    ['rate/s', 'bluetick acks/s', '÷ verify+200', '÷ verify+INSERT', 'p99 bluetick', 'p99 verify+200', 'p99 verify+INSERT', 'CPU ms/event bluetick (node+pg)', 'verify+200', 'verify+INSERT'],
    RATES.map((rate) => {
      const b = at(rate, 'bluetick');
      const a = at(rate, 'verify+200');
      const i = at(rate, 'verify+INSERT');
      const cpuPer = (r, server) => (r.ok ? (((server + r.used.postgres) * 1000) / r.ok).toFixed(3) : '—');
      return [rate, fmt.rate(b.ackPerS), fmt.ratio(b.ackPerS / a.ackPerS), fmt.ratio(b.ackPerS / i.ackPerS), b.p99.toFixed(1), a.p99.toFixed(1), i.p99.toFixed(1), cpuPer(b, b.used.app + b.used.baseline), cpuPer(a, a.used.baseline), cpuPer(i, i.used.baseline)];
    }),
  );
}

function verdict(results) {
  const ours = results.filter((r) => r.target === 'bluetick');
  const keptUp = (r) => r.non200 === 0 && r.ackPerS >= 0.97 * r.rate && r.drainMs <= AIM.drainMs;
  const good = ours.filter((r) => keptUp(r) && r.p99 < AIM.p99Ms);
  const best = good.reduce((m, r) => (r.rate > (m?.rate ?? 0) ? r : m), null);
  console.log(
    `\n   criteria per step: all 200, acks/s ≥ 97% of offered, p99 < ${AIM.p99Ms} ms, pending drained ≤ ${AIM.drainMs} ms after the last 200`,
  );
  for (const r of ours) {
    const why = [];
    if (r.non200) why.push(`${r.non200} non-200`);
    if (r.ackPerS < 0.97 * r.rate) why.push(`acks/s ${fmt.rate(r.ackPerS)} < 97% of ${r.rate}`);
    if (!(r.p99 < AIM.p99Ms)) why.push(`p99 ${r.p99.toFixed(1)} ms`);
    if (!(r.drainMs <= AIM.drainMs)) why.push(`drain ${fmt.ms(r.drainMs)} ms`);
    console.log(`   ${String(r.rate).padStart(5)}/s: ${why.length ? `no — ${why.join(', ')}` : 'yes'}`);
  }
  console.log(
    `   aim ≥${AIM.eventsPerS} events/s acknowledged with p99 < ${AIM.p99Ms} ms and processing keeping up: ${best && best.rate >= AIM.eventsPerS ? `met (up to ${best.rate}/s offered)` : `MISSED (best: ${best ? `${best.rate}/s` : 'none'})`}`,
  );
}

runBench(
  async () => {
    console.log(`bench:webhook — node ${process.version}, ${os.cpus().length} CPU(s), ${process.env.DATABASE_URL ? 'PostgreSQL from DATABASE_URL (fresh database)' : 'embedded PostgreSQL (temp DATA_DIR)'}; load generator, app, PostgreSQL and floors share this machine`);
    const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
    if (SPLIT) console.log('BENCH_SPLIT=1: bluetick webhooks go to an ingest-only instance (WORKERS=0); a second instance on the same database processes them');
    console.log(`load average before: ${load()}`);
    // BENCH_APP_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", to profile the app.
    const app = await startApp({ nodeArgs: (process.env.BENCH_APP_NODE_ARGS ?? '').split(' ').filter(Boolean) });
    log(`app up on ${app.baseUrl} (log: ${app.logFile})`);
    const db = await dbClient(app.databaseUrl());

    const needed = Math.round(WARM.rate * WARM.seconds) + RATES.reduce((s, r) => s + Math.round(r * STEP_S), 0) + (RATES.length + 1) * CONNECTIONS * 2;
    const jobSize = Math.ceil(needed / 2);
    const generic = await setUpGeneric(app, jobSize);
    const meta = await setUpMeta(app);
    log(`generic webhook ${generic.path}; meta webhook ${meta.path}; waiting for the send pipeline to settle`);
    await drained(db);

    let ingest = app;
    if (SPLIT) {
      ingest = await startApp({ databaseUrl: app.databaseUrl(), admin: app.admin, env: { WORKERS: '0', JWT_SECRET: app.env.JWT_SECRET } });
      log(`ingest-only instance (WORKERS=0) on ${ingest.baseUrl}`);
    }

    const tableName = `bench_webhook_floor_${RUN}`;
    await db.query(`CREATE TABLE ${tableName} (event_id text PRIMARY KEY, body jsonb NOT NULL, received_at timestamptz NOT NULL DEFAULT now())`);
    onCleanup(() => db.query(`DROP TABLE IF EXISTS ${tableName}`).catch(() => {}));
    const bare = await startBaseline('bare', generic.secret, app.databaseUrl(), tableName);
    const insert = await startBaseline('insert', generic.secret, app.databaseUrl(), tableName);
    const targets = {
      'verify+200': { name: 'verify+200', child: bare.child, origin: bare.origin, path: generic.path, source: eventSource(generic.ids, 'a') },
      'verify+INSERT': { name: 'verify+INSERT', child: insert.child, origin: insert.origin, path: generic.path, source: eventSource(generic.ids, 'b') },
      bluetick: { name: 'bluetick', isApp: true, child: ingest === app ? undefined : ingest.child, origin: ingest.baseUrl, path: generic.path, source: eventSource(generic.ids, 'app') },
    };

    for (const name of TARGETS) {
      const t = targets[name];
      await runStep({ app, db, target: t, origin: t.origin, path: t.path, source: t.source, secret: generic.secret, rate: WARM.rate, seconds: WARM.seconds, tag: 'warm' });
    }
    log('warm-up done');

    const results = [];
    for (const rate of RATES) {
      for (const name of TARGETS) {
        const t = targets[name];
        const r = await runStep({ app, db, target: t, origin: t.origin, path: t.path, source: t.source, secret: generic.secret, rate, seconds: STEP_S, tag: `s${results.length}r${rate}` });
        results.push(r);
        log(`${rate}/s ${name}: ${r.ok}/${r.issued} 200, ${fmt.rate(r.ackPerS)} acks/s, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms${t.isApp ? `, backlog max ${r.maxBacklog}, drain ${fmt.ms(r.drainMs)} ms` : ''}`);
      }
    }

    printSteps(results);
    printTimelines(results);
    printRatios(results);
    verdict(results);

    const out = await outcomes(db, generic.op.user.id);
    const acked = results.filter((r) => r.target === 'bluetick').reduce((s, r) => s + r.ok, 0);
    const job = (await app.http('GET', `/api/bulk/jobs/${generic.jobId}`, { token: generic.op.token })).body;
    console.log(`\n   check: bulk_events outcomes of the generic operator (incl. warm-up): ${JSON.stringify(out)}; acknowledged in measured steps: ${acked}`);
    console.log(`   job ${generic.jobId} stats: ${JSON.stringify(job.stats)} (total ${job.total})`);

    log('meta: one POST of 1,000 statuses');
    const m = await runMeta(app, db, meta);
    console.log(`\n3. Meta format: one POST with ${META_EVENTS} statuses (${(m.bytes / 1024).toFixed(0)} KiB, X-Hub-Signature-256)`);
    table(
      ['statuses', 'HTTP', 'ack ms', 'POST → all applied ms', 'ack → all applied ms', 'applied', 'outcomes (meta operator, incl. warm-up)'],
      [[META_EVENTS, 200, fmt.ms(m.ackedAt - m.started), fmt.ms(m.appliedAt - m.started), fmt.ms(m.appliedAt - m.ackedAt), m.applied, JSON.stringify(m.after)]],
    );
    console.log(`load average after: ${load()}`);
    const problems = [];
    if (m.applied !== META_EVENTS) problems.push(`meta: ${m.applied} of ${META_EVENTS} applied`);
    if ((out.applied ?? 0) < acked) problems.push(`generic: ${out.applied ?? 0} applied < ${acked} acknowledged`);
    if (out.pending) problems.push(`generic: ${out.pending} still pending`);
    if (problems.length) throw new Error(problems.join('; '));
  },
  { timeoutMs: 20 * 60_000 },
);
