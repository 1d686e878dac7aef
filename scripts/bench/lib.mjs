// Shared pieces of the benchmarks (`npm run bench:*`): the built app as a child process on
// a free port against a fresh database, admin/operator helpers, a fake provider Send API,
// timing and cleanup. Plain ESM: no TypeScript, no test framework.
import { execSync, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort } from '../embedded-postgres.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Milliseconds on one monotonic clock shared by the fake provider and the pollers. */
export const now = () => performance.now();
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The i-th well-formed Bahraini mobile number (E.164 digits), as in the tests. */
export const phoneAt = (i) => `97336${String(i).padStart(6, '0')}`;

export function log(...args) {
  console.error(`[bench] ${args.join(' ')}`);
}

// ---------------------------------------------------------------------------------------
// Cleanup and time bounds

const cleanups = [];
/** Registers `fn` to run (last registered first) when the bench ends, however it ends. */
export function onCleanup(fn) {
  cleanups.push(fn);
  return () => {
    const i = cleanups.indexOf(fn);
    if (i >= 0) cleanups.splice(i, 1);
  };
}

let cleaningUp = null;
export function cleanup() {
  cleaningUp ??= (async () => {
    while (cleanups.length) {
      const fn = cleanups.pop();
      try {
        await withTimeout(Promise.resolve().then(fn), 30_000, 'cleanup step');
      } catch (err) {
        log(`cleanup: ${err.message}`);
      }
    }
  })();
  return cleaningUp;
}

/** Rejects when `promise` has not settled after `ms`. */
export function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${Math.round(ms / 1000)} s: ${what}`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Runs `main` with a hard deadline; always cleans up (child app, servers, databases,
 * temp folders) and exits: 0 on success, 1 on error or timeout, 130/143 on a signal.
 */
const startedApps = [];

export function runBench(main, { timeoutMs }) {
  const finish = async (code, err) => {
    if (err) {
      console.error(`\nbench failed: ${err.stack ?? err}`);
      for (const app of startedApps) console.error(`--- app log ${app.logFile} (tail; removed at cleanup) ---\n${app.logTail(60)}`);
    }
    const hard = setTimeout(() => process.exit(code || 1), 45_000);
    hard.unref();
    await cleanup();
    process.exit(code);
  };
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]]) {
    process.once(signal, () => finish(code, new Error(`interrupted (${signal})`)));
  }
  process.on('uncaughtException', (err) => finish(1, err));
  process.on('unhandledRejection', (err) => finish(1, err));
  withTimeout(Promise.resolve().then(main), timeoutMs, 'the whole benchmark').then(
    () => finish(0),
    (err) => finish(1, err),
  );
}

// ---------------------------------------------------------------------------------------
// Build, ports, database

export { freePort };

/** The newest mtime (ms) of the API's non-test TypeScript sources (what `build:api` compiles). */
function newestApiSource() {
  let newest = 0;
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'testing') walk(p);
      } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  for (const dir of ['apps/api/src', 'libs']) if (fs.existsSync(path.join(root, dir))) walk(path.join(root, dir));
  return newest;
}

/**
 * Builds dist/api when missing or older than its sources (a stale build would measure old
 * code; BENCH_REBUILD=1 forces it, BENCH_REBUILD=0 never rebuilds an existing one), and
 * dist/web when missing (the app serves it).
 */
export function ensureBuilt() {
  const steps = [];
  const main = path.join(root, 'dist/api/apps/api/src/main.js');
  const mode = process.env.BENCH_REBUILD;
  if (!fs.existsSync(main)) steps.push(['build:api', 'dist/api is missing']);
  else if (mode === '1') steps.push(['build:api', 'BENCH_REBUILD=1']);
  else if (mode !== '0' && newestApiSource() > fs.statSync(main).mtimeMs) steps.push(['build:api', 'sources are newer than dist/api']);
  if (!fs.existsSync(path.join(root, 'dist/web/index.html'))) steps.push(['build:web', 'dist/web is missing']);
  for (const [step, why] of steps) {
    log(`npm run ${step} (${why})…`);
    execSync(`npm run --silent ${step}`, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], timeout: 300_000 });
  }
}

/**
 * With DATABASE_URL set: a fresh database on that server for this run, dropped at cleanup.
 * Without: null (the app then starts an embedded PostgreSQL under its own DATA_DIR).
 */
export async function freshDatabase(serverUrl = process.env.DATABASE_URL) {
  if (!serverUrl) return null;
  const name = `bluetick_bench_${crypto.randomBytes(5).toString('hex')}`;
  const admin = async (sql) => {
    const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 10_000 });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end().catch(() => {});
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const drop = () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  onCleanup(drop);
  return { name, url: url.toString(), drop };
}

// ---------------------------------------------------------------------------------------
// HTTP client

/** JSON in, JSON (or text) out; never throws on status; bounded in time. */
export async function request(baseUrl, method, p, { token, body, timeoutMs = 30_000, headers = {} } = {}) {
  const h = { ...headers };
  if (token) h.authorization = `Bearer ${token}`;
  let payload;
  if (body !== undefined) {
    h['content-type'] = 'application/json';
    payload = typeof body === 'string' ? body : JSON.stringify(body);
  }
  const res = await fetch(baseUrl + p, { method, headers: h, body: payload, signal: AbortSignal.timeout(timeoutMs) });
  const text = await res.text();
  let parsed = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON */
  }
  return { status: res.status, headers: res.headers, body: parsed, text };
}

function expectStatus(res, status, what) {
  if (res.status !== status) throw new Error(`${what}: expected HTTP ${status}, got ${res.status} ${String(res.text).slice(0, 500)}`);
  return res.body;
}

/** Polls `check` every `everyMs` until it returns something truthy; throws after `timeoutMs`. */
export async function pollUntil(check, { everyMs = 100, timeoutMs = 60_000, what = 'condition' } = {}) {
  const deadline = now() + timeoutMs;
  let last;
  for (;;) {
    const started = now();
    try {
      const value = await check();
      if (value) return value;
    } catch (err) {
      last = err;
    }
    if (now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ''}`);
    await sleep(Math.max(0, everyMs - (now() - started)));
  }
}

// ---------------------------------------------------------------------------------------
// The app as a child process

/**
 * Starts `node scripts/start.mjs` on a free port with its own DATA_DIR (embedded PostgreSQL)
 * or, when DATABASE_URL is set, a fresh database on that server. Resolves once GET /health
 * is 200 and the admin is signed in. `stop()` is registered for cleanup. `nodeArgs` go to
 * the child's node (e.g. ['--cpu-prof', '--cpu-prof-dir=/tmp/prof']).
 * `databaseUrl` + `admin` (another app's `databaseUrl()` and `admin`): a further instance
 * on that app's database instead of a fresh one (pass the same JWT_SECRET in `env` for
 * tokens to work on both).
 */
export async function startApp({ env: extraEnv = {}, nodeArgs = [], startTimeoutMs = 180_000, databaseUrl: sharedUrl = null, admin: sharedAdmin = null } = {}) {
  ensureBuilt();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bluetick-bench-'));
  onCleanup(() => fs.rmSync(dir, { recursive: true, force: true }));
  const database = sharedUrl ? null : await freshDatabase();
  const port = await freePort();
  const admin = sharedAdmin ?? { email: 'bench-admin@bench.local', password: `bench-${crypto.randomBytes(9).toString('base64url')}` };
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: path.join(dir, 'data'),
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    DEMO: '0',
    JWT_SECRET: crypto.randomBytes(32).toString('hex'),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    ...extraEnv,
  };
  if (database) env.DATABASE_URL = database.url;
  else if (sharedUrl) env.DATABASE_URL = sharedUrl;
  else delete env.DATABASE_URL;

  const logFile = path.join(dir, 'app.log');
  const out = fs.openSync(logFile, 'a');
  // Its own process group, so a stuck child and its embedded PostgreSQL can be killed together.
  const child = spawn(process.execPath, [...nodeArgs, path.join(root, 'scripts/start.mjs')], { cwd: root, env, stdio: ['ignore', out, out], detached: true });
  fs.closeSync(out);
  let exited = null;
  const exit = new Promise((resolve) => child.once('exit', (code, signal) => resolve((exited = { code, signal }))));
  const logTail = (n = 40) => {
    try {
      return fs.readFileSync(logFile, 'utf8').trim().split('\n').slice(-n).join('\n');
    } catch {
      return '';
    }
  };

  const stop = async () => {
    if (!exited) {
      process.kill(child.pid, 'SIGTERM');
      const done = await Promise.race([exit.then(() => true), sleep(20_000).then(() => false)]);
      if (!done) {
        log('app did not stop in 20 s: killing its process group');
        killGroup(child.pid, 'SIGKILL');
        await Promise.race([exit, sleep(5_000)]);
      }
    }
    if (!database && !sharedUrl) await stopOrphanPostgres(path.join(env.DATA_DIR, 'pg'));
  };
  onCleanup(stop);

  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await Promise.race([
      pollUntil(async () => (await request(baseUrl, 'GET', '/health', { timeoutMs: 2_000 })).status === 200, {
        everyMs: 200,
        timeoutMs: startTimeoutMs,
        what: 'GET /health of the app',
      }),
      exit.then(({ code, signal }) => {
        throw new Error(`the app exited during start (code ${code}, signal ${signal})`);
      }),
    ]);
  } catch (err) {
    err.message += `\n--- app log (tail) ---\n${logTail()}`;
    throw err;
  }
  const app = { baseUrl, port, env, dir, logFile, logTail, child, database, admin, stop, adminToken: '' };
  startedApps.push(app);
  /** The app's database URL (the embedded server's is read from its DATA_DIR), e.g. for counters. */
  app.databaseUrl = () => {
    if (database) return database.url;
    if (sharedUrl) return sharedUrl;
    const dataDir = env.DATA_DIR;
    const password = fs.readFileSync(path.join(dataDir, 'pg-password'), 'utf8').trim();
    const pgPort = Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[3]);
    return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/bluetick`;
  };
  app.http = (method, p, options) => request(baseUrl, method, p, options);
  app.login = async (email, password) => expectStatus(await app.http('POST', '/api/auth/login', { body: { email, password } }), 200, `login ${email}`).accessToken;
  app.adminToken = await app.login(admin.email, admin.password);
  let seq = 0;
  /** A new user via POST /api/admin/users, signed in: `{user, token, password}`. */
  app.createUser = async (input = {}) => {
    seq += 1;
    const password = input.password ?? `password-${seq}-${crypto.randomBytes(6).toString('hex')}`;
    const body = { email: `bench${seq}-${crypto.randomBytes(3).toString('hex')}@bench.local`, name: `Bench ${seq}`, role: 'operator', ...input, password };
    const user = expectStatus(await app.http('POST', '/api/admin/users', { token: app.adminToken, body }), 201, 'POST /api/admin/users');
    return { user, password, token: await app.login(body.email, password) };
  };
  /** PATCH /api/admin/users/:id with `body`; resolves with the User Details. */
  app.patchUser = async (id, body) => expectStatus(await app.http('PATCH', `/api/admin/users/${id}`, { token: app.adminToken, body }), 200, `PATCH /api/admin/users/${id}`);
  /** A new operator whose channel is `channel` ({provider, config, rateLimitPerSecond}). */
  app.createOperator = async (channel, patch = {}) => {
    const op = await app.createUser();
    op.details = await app.patchUser(op.user.id, { channel, ...patch });
    return op;
  };
  return app;
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    /* already gone */
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

/** A PostgreSQL left running by a killed app (its pid is in postmaster.pid): fast shutdown, then kill. */
async function stopOrphanPostgres(clusterDir) {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return;
  log(`stopping the embedded PostgreSQL left running (pid ${pid})`);
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && alive(pid); i++) await sleep(100);
  if (alive(pid)) process.kill(pid, 'SIGKILL');
}

// ---------------------------------------------------------------------------------------
// Jobs

/**
 * POST /api/bulk/jobs, then GET /api/bulk/jobs/:id every `pollMs` until the state is
 * completed (or cancelled). Times are on `now()`'s clock.
 */
export async function runJob(app, token, body, { pollMs = 100, timeoutMs = 120_000 } = {}) {
  const postedAt = now();
  const res = await app.http('POST', '/api/bulk/jobs', { token, body, timeoutMs: 60_000 });
  const createdAt = now();
  const job = expectStatus(res, 201, 'POST /api/bulk/jobs');
  let polls = 0;
  const done = await pollUntil(
    async () => {
      polls += 1;
      const r = await app.http('GET', `/api/bulk/jobs/${job.id}`, { token, timeoutMs: 10_000 });
      const j = expectStatus(r, 200, `GET /api/bulk/jobs/${job.id}`);
      return (j.state === 'completed' || j.state === 'cancelled') && j;
    },
    { everyMs: pollMs, timeoutMs, what: `job ${job.id} to complete` },
  );
  return { job: done, postedAt, createdAt, completedAt: now(), polls };
}

/** `n` recipients numbered from `offset`. */
export const recipients = (n, offset = 0) => Array.from({ length: n }, (_, i) => ({ phone: phoneAt(offset + i) }));

// ---------------------------------------------------------------------------------------
// Fake provider Send API

/**
 * A local provider Send API speaking a documented format:
 * - `generic`: api.md's `POST {baseUrl}/messages`, `Authorization: Bearer {token}`,
 *   `{"messages":[{to, body, buttons}]}` → `{"messages":[{message_id, to, status, timestamp}]}`;
 * - `meta`: the Cloud API's `POST {graphApiBase}/{phoneNumberId}/messages`, one message per
 *   request → `{messaging_product, contacts, messages:[{id:"wamid…"}]}`.
 * Records when each request arrived and how many messages it carried. `behaviour(to, index)`
 * may return `{kind: 'fail', code, message}` or `{kind: 'rate-limit', retryAfterSeconds}`;
 * `onAccepted(items, format)` sees each accepted message (with its id), e.g. to send webhooks.
 */
export async function startFakeProvider(format, { latencyMs = 0, behaviour = () => ({ kind: 'accept' }), onAccepted = null } = {}) {
  if (format !== 'generic' && format !== 'meta') throw new Error(`unknown fake provider format ${format}`);
  const idPrefix = crypto.randomBytes(6).toString('base64url');
  let seq = 0;
  const sockets = new Set();
  const fake = {
    format,
    baseUrl: '',
    token: `tok_${crypto.randomBytes(8).toString('hex')}`,
    phoneNumberId: '106540352242922',
    /** Per request: {at (ms, now()), count, status}. */
    requests: [],
    /** Messages accepted per phone (a value above 1 is a duplicate send). */
    perPhone: new Map(),
    accepted: 0,
    rejected: 0,
    behaviour,
    onAccepted,
    latencyMs,
    reset() {
      fake.requests = [];
      fake.perPhone = new Map();
      fake.accepted = 0;
      fake.rejected = 0;
    },
    /** The `channel` of PATCH /api/admin/users/:id for this fake. */
    channel(rateLimitPerSecond) {
      const config =
        format === 'generic'
          ? { baseUrl: fake.baseUrl, token: fake.token }
          : { phoneNumberId: fake.phoneNumberId, accessToken: fake.token, appSecret: 'bench-app-secret', verifyToken: 'bench-verify', graphApiBase: fake.baseUrl };
      return { provider: format, config, rateLimitPerSecond };
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  const newId = () => (format === 'meta' ? `wamid.${idPrefix}${(++seq).toString(36)}` : `${idPrefix}${(++seq).toString(36)}`);
  const metaPath = `/${fake.phoneNumberId}/messages`;

  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const at = now();
      const reply = (status, body, headers = {}) => {
        const send = () => {
          res.writeHead(status, { 'content-type': 'application/json', ...headers });
          res.end(JSON.stringify(body));
        };
        if (fake.latencyMs > 0) setTimeout(send, fake.latencyMs);
        else send();
      };
      const record = (count, status) => fake.requests.push({ at, count, status });
      const expectedPath = format === 'generic' ? '/messages' : metaPath;
      if (req.method !== 'POST' || req.url !== expectedPath) {
        record(0, 404);
        return reply(404, { error: { message: `no route ${req.method} ${req.url}` } });
      }
      if (req.headers.authorization !== `Bearer ${fake.token}`) {
        record(0, 401);
        return reply(401, { error: { message: 'Invalid OAuth access token', code: 190, type: 'OAuthException' } });
      }
      let body;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        record(0, 400);
        return reply(400, { error: { message: 'body is not JSON' } });
      }
      const items = format === 'generic' ? (Array.isArray(body.messages) ? body.messages : []) : [metaItem(body)];
      const index = fake.requests.length;
      const first = fake.behaviour(items[0]?.to, index);
      if (first.kind === 'rate-limit') {
        record(items.length, 429);
        fake.rejected += items.length;
        const err = format === 'meta' ? metaError(130429, 'Rate limit hit') : { error: { code: 'rate_limited', message: 'Too many requests' } };
        return reply(429, err, { 'retry-after': String(first.retryAfterSeconds) });
      }
      const results = items.map((m) => {
        const b = format === 'meta' ? first : fake.behaviour(m.to, index);
        const messageId = b.kind === 'fail' ? null : newId();
        if (messageId) {
          fake.accepted += 1;
          fake.perPhone.set(m.to, (fake.perPhone.get(m.to) ?? 0) + 1);
        } else fake.rejected += 1;
        return { m, b, messageId };
      });
      record(items.length, 200);
      if (fake.onAccepted) {
        const accepted = results.filter((r) => r.messageId).map((r) => ({ ...r.m, messageId: r.messageId }));
        if (accepted.length) fake.onAccepted(accepted, format);
      }
      if (format === 'meta') {
        const { m, b, messageId } = results[0];
        if (b.kind === 'fail') return reply(400, metaError(b.code, b.message));
        return reply(200, { messaging_product: 'whatsapp', contacts: [{ input: m.to, wa_id: m.to }], messages: [{ id: messageId, message_status: 'accepted' }] });
      }
      const ts = Math.floor(Date.now() / 1000);
      return reply(200, {
        messages: results.map(({ m, b, messageId }) =>
          b.kind === 'fail'
            ? { to: m.to, status: 'failed', error: { code: String(b.code), message: b.message } }
            : { message_id: messageId, to: m.to, status: 'sent', timestamp: ts },
        ),
      });
    });
  });
  server.keepAliveTimeout = 60_000;
  server.headersTimeout = 65_000;
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.baseUrl = `http://127.0.0.1:${server.address().port}`;
  onCleanup(() => fake.close());
  return fake;
}

function metaItem(body) {
  if (body?.type === 'interactive') {
    return {
      to: body.to,
      body: body.interactive?.body?.text ?? '',
      buttons: (body.interactive?.action?.buttons ?? []).map((b) => ({ id: b.reply?.id, title: b.reply?.title })),
    };
  }
  return { to: body?.to, body: body?.text?.body ?? '', buttons: [] };
}

function metaError(code, message) {
  return { error: { message: `(#${code}) ${message}`, type: 'OAuthException', code, error_data: { messaging_product: 'whatsapp', details: message }, fbtrace_id: 'FakeBench' } };
}

// ---------------------------------------------------------------------------------------
// Rates from the fake's request log

/**
 * The provider-side send rate of a request log `[{at, count}]` (accepted requests only):
 * the messages sent in [first request, last request) over that span, so a pacer sending
 * exactly R/s measures R whatever the batch size. `window` = [from, to] fractions of the
 * messages restricts it to a steady middle part (e.g. [0.1, 0.9]).
 */
export function providerRate(requests, window = [0, 1]) {
  const ok = requests.filter((r) => r.status === 200 && r.count > 0).sort((a, b) => a.at - b.at);
  const total = ok.reduce((s, r) => s + r.count, 0);
  if (ok.length < 2) return { rate: NaN, spanMs: 0, messages: total, requests: ok.length, maxGapMs: 0 };
  let cum = 0;
  let first = 0;
  let last = ok.length - 1;
  for (let i = 0; i < ok.length; i++) {
    if (cum <= window[0] * total) first = i;
    if (cum <= window[1] * total) last = i;
    cum += ok[i].count;
  }
  if (last <= first) last = Math.min(ok.length - 1, first + 1);
  let between = 0;
  let maxGapMs = 0;
  for (let i = first; i < last; i++) {
    between += ok[i].count;
    maxGapMs = Math.max(maxGapMs, ok[i + 1].at - ok[i].at);
  }
  const spanMs = ok[last].at - ok[first].at;
  return { rate: spanMs > 0 ? (between * 1000) / spanMs : Infinity, spanMs, messages: total, requests: ok.length, maxGapMs, firstAt: ok[0].at, lastAt: ok[ok.length - 1].at };
}

/** Gaps between consecutive requests, as percentiles (ms). */
export function gapStats(requests) {
  const at = requests.filter((r) => r.status === 200).map((r) => r.at).sort((a, b) => a - b);
  const gaps = [];
  for (let i = 1; i < at.length; i++) gaps.push(at[i] - at[i - 1]);
  gaps.sort((a, b) => a - b);
  const q = (p) => (gaps.length ? gaps[Math.min(gaps.length - 1, Math.floor(p * gaps.length))] : NaN);
  return { p50: q(0.5), p99: q(0.99), max: gaps.length ? gaps[gaps.length - 1] : NaN, over50: gaps.filter((g) => g > 50).length, over100: gaps.filter((g) => g > 100).length };
}

// ---------------------------------------------------------------------------------------
// Resource use (Linux /proc; zeros elsewhere)

const CLK_TCK = 100;

/** CPU seconds used so far by `rootPid` and its descendants, by command name (e.g. node, postgres). */
export function treeCpuSeconds(rootPid) {
  const byName = {};
  let entries;
  try {
    entries = fs.readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return byName;
  }
  const info = new Map();
  for (const pid of entries) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const name = stat.slice(stat.indexOf('(') + 1, close);
      const f = stat.slice(close + 2).split(' ');
      // utime + stime, plus cutime + cstime: children that exited and were reaped (e.g. a
      // PostgreSQL backend) stay counted, so the sum never goes down.
      info.set(Number(pid), { name, ppid: Number(f[1]), cpu: (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / CLK_TCK });
    } catch {
      /* gone */
    }
  }
  const inTree = (pid) => {
    for (let p = pid, hops = 0; p > 1 && hops < 20; hops++) {
      if (p === rootPid) return true;
      p = info.get(p)?.ppid ?? 0;
    }
    return false;
  };
  for (const [pid, { name, cpu }] of info) {
    if (!inTree(pid)) continue;
    const key = name.startsWith('postgres') ? 'postgres' : name;
    byName[key] = (byName[key] ?? 0) + cpu;
  }
  return byName;
}

/** CPU seconds the whole machine has been busy (all cores, from /proc/stat); NaN elsewhere. */
export function machineBusySeconds() {
  try {
    const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal
    return (f[0] + f[1] + f[2] + f[5] + f[6] + (f[7] ?? 0)) / CLK_TCK;
  } catch {
    return NaN;
  }
}

/**
 * Starts measuring CPU of the app's process tree (node, postgres), of this process and of
 * the rest of the machine (`others`: anything else running, i.e. noise); `end()` gives
 * seconds used since.
 */
export function cpuMeter(app) {
  const t0 = now();
  const tree0 = treeCpuSeconds(app.child.pid);
  const self0 = process.cpuUsage();
  const busy0 = machineBusySeconds();
  return () => {
    const tree1 = treeCpuSeconds(app.child.pid);
    const self = process.cpuUsage(self0);
    const busy = machineBusySeconds() - busy0;
    const wallS = (now() - t0) / 1000;
    const used = {
      wallS,
      app: (tree1.node ?? 0) - (tree0.node ?? 0),
      postgres: (tree1.postgres ?? 0) - (tree0.postgres ?? 0),
      bench: (self.user + self.system) / 1e6,
    };
    used.others = Math.max(0, busy - used.app - used.postgres - used.bench);
    return used;
  };
}

/** Transactions committed in the app's database so far (pg_stat_database; stats lag up to ~0.5 s). */
export async function committedTransactions(databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query('SELECT pg_stat_clear_snapshot()');
    const { rows } = await client.query('SELECT xact_commit::bigint AS n FROM pg_stat_database WHERE datname = current_database()');
    return Number(rows[0].n);
  } finally {
    await client.end().catch(() => {});
  }
}

// ---------------------------------------------------------------------------------------
// Output

export const fmt = {
  rate: (r) => (Number.isFinite(r) ? (r >= 100 ? r.toFixed(0) : r.toFixed(1)) : '—'),
  s: (ms) => (Number.isFinite(ms) ? (ms / 1000).toFixed(2) : '—'),
  ms: (ms) => (Number.isFinite(ms) ? ms.toFixed(0) : '—'),
  ratio: (r) => (Number.isFinite(r) ? `${r.toFixed(3)}×` : '—'),
};

/** Prints rows (arrays) as aligned columns under `header`. */
export function table(header, rows) {
  const all = [header, ...rows].map((r) => r.map(String));
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i]?.length ?? 0)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(all[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of all.slice(1)) console.log(line(r));
}

// ---------------------------------------------------------------------------------------
// Webhooks: signing, URLs, paced load (bench:webhook, bench:realtime)

/** Epoch milliseconds with sub-millisecond resolution, comparable across worker threads. */
export const absNow = () => performance.timeOrigin + performance.now();

/** Standard Webhooks headers for `body` (a string), keyed by the `whsec_…` secret's bytes. */
export function standardWebhookHeaders(secret, id, timestampSeconds, body) {
  if (!secret.startsWith('whsec_')) throw new Error('not a whsec_ secret');
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const ts = String(timestampSeconds);
  const signature = crypto.createHmac('sha256', key).update(`${id}.${ts}.${body}`).digest('base64');
  return { 'webhook-id': id, 'webhook-timestamp': ts, 'webhook-signature': `v1,${signature}` };
}

/** Meta's X-Hub-Signature-256 value for the raw `body`. */
export const metaSignature = (body, appSecret) => `sha256=${crypto.createHmac('sha256', appSecret).update(body).digest('hex')}`;

/** A URL built from PUBLIC_URL (e.g. webhooks.bulk.url), as a path on where the app really listens. */
export function onApp(app, publicUrl) {
  const u = new URL(publicUrl);
  return { url: app.baseUrl + u.pathname + u.search, path: u.pathname + u.search };
}

/** The value at quantile `p` (0..1) of an ascending-sorted array; NaN when empty. */
export function quantile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

/** `values` (array or typed array) sorted ascending as a Float64Array. */
export const sortedCopy = (values) => Float64Array.from(values).sort();

/**
 * Posts pre-built requests at a fixed, evenly paced rate over `connections` keep-alive
 * connections, using autocannon's HTTP client (programmatic API) for the wire work.
 *
 * autocannon's own `overallRate` is a per-connection budget refilled once a second: every
 * connection fires its whole budget back to back at the start of each second and then
 * idles, i.e. a burst at full concurrency once a second rather than a steady rate. So its
 * rate option is not used: `setupClient` wraps each client's `_doRequest` (autocannon
 * 9.0.0 internals) so that request k is written no earlier than t0 + k / rate — an open
 * loop with one shared schedule. When every connection is busy, due requests wait for
 * the next free connection: `scheduledAt` → `ackAt` then includes that wait.
 *
 * `requests[i]` = {headers, body}; request i goes out i-th (at most `count`, default
 * all). Resolves with per-request Float64Arrays (ms on `now()`'s clock): `scheduledAt`,
 * `writtenAt`, `ackAt` (0 = no response) and `status` (0 = none), plus counts.
 * `onWrite(i, writtenAt)` / `onAck(i, status, ackAt)` are called as they happen.
 */
export async function pacedLoad({ origin, path: reqPath, requests, count = requests.length, rate, connections = 100, timeoutS = 10, maxMs = Infinity, onWrite, onAck }) {
  const { default: autocannon } = await import('autocannon');
  const interval = 1000 / rate;
  const scheduledAt = new Float64Array(count);
  const writtenAt = new Float64Array(count);
  const ackAt = new Float64Array(count);
  const status = new Uint16Array(count);
  // Which pre-built request each write carried (k → i); usually k === i, but each
  // connection builds its first request when it is created.
  const requestOf = new Int32Array(count).fill(-1);
  let next = 0; // next pre-built request handed to a connection's request builder
  let issued = 0;
  let acked = 0;
  let errors = 0;
  let truncated = false;
  const waiting = [];
  const t0 = now() + 20;
  const due = () => Math.min(count, Math.floor((now() - t0) / interval) + 1);

  const issue = (client) => {
    if (client.destroyed || truncated || issued >= count) return;
    if (now() < t0 || issued >= due()) {
      if (!client.bench_waiting) {
        client.bench_waiting = true;
        waiting.push(client);
      }
      return;
    }
    const k = issued++;
    client.bench_k = k;
    scheduledAt[k] = t0 + k * interval;
    writtenAt[k] = now();
    client.bench_doRequest(); // builds (setupRequest) and writes request `context.idx`
    requestOf[k] = client.requestIterator.context.idx;
    onWrite?.(requestOf[k], writtenAt[k]);
  };

  return new Promise((resolve, reject) => {
    let finished = false;
    let lastProgress = now();
    let instance;
    const finish = (err) => {
      if (finished) return;
      finished = true;
      clearInterval(pacer);
      const result = { count, issued, acked, errors, truncated, t0, scheduledAt, writtenAt, ackAt, status, requestOf };
      const hard = setTimeout(() => (err ? reject(err) : resolve(result)), 3000);
      instance.once('done', () => {
        clearTimeout(hard);
        if (err) reject(err);
        else resolve(result);
      });
      instance.stop();
    };
    const pacer = setInterval(() => {
      const d = due();
      while (waiting.length && issued < d && !truncated) {
        const c = waiting.shift();
        c.bench_waiting = false;
        issue(c);
      }
      if (!truncated && now() - t0 > maxMs && issued < count) truncated = true;
      const allIssued = truncated || issued >= count;
      if (allIssued && acked + errors >= issued) finish();
      else if (allIssued && now() - lastProgress > (timeoutS + 5) * 1000) finish(); // lost responses: give up on them
    }, 1);

    instance = autocannon(
      {
        url: origin,
        connections,
        pipelining: 1,
        duration: Math.min(3600, (Number.isFinite(maxMs) ? maxMs : (count / rate) * 1000 * 5) / 1000 + 60),
        timeout: timeoutS,
        sampleInt: 100,
        requests: [
          {
            method: 'POST',
            path: reqPath,
            setupRequest: (req, context) => {
              const i = next < requests.length ? next++ : requests.length - 1;
              context.idx = i;
              const r = requests[i];
              return { ...req, headers: { ...r.headers }, body: r.body };
            },
          },
        ],
        setupClient: (client) => {
          const original = client._doRequest;
          client.bench_doRequest = () => original.call(client);
          client._doRequest = function pacedDoRequest() {
            if (!this.bench_waiting) issue(this);
          };
        },
      },
      (err) => {
        if (err && !finished) {
          finished = true;
          clearInterval(pacer);
          reject(err);
        }
      },
    );
    instance.on('response', (client, statusCode) => {
      const k = client.bench_k;
      if (k === undefined || ackAt[k]) return;
      ackAt[k] = now();
      status[k] = statusCode;
      acked += 1;
      lastProgress = ackAt[k];
      onAck?.(requestOf[k], statusCode, ackAt[k]);
    });
    instance.on('reqError', () => {
      errors += 1;
      lastProgress = now();
    });
  });
}

/**
 * Summary of a pacedLoad result: acks/s (200s over first schedule → last 200), non-200
 * and error counts, latency percentiles written → ack and scheduled → ack (ms).
 */
export function loadSummary(r, eventsPerRequest = 1) {
  const ok = [];
  const fromSchedule = [];
  const byStatus = {};
  let lastOk = 0;
  for (let k = 0; k < r.issued; k++) {
    const s = r.status[k];
    if (s === 200) {
      ok.push(r.ackAt[k] - r.writtenAt[k]);
      fromSchedule.push(r.ackAt[k] - r.scheduledAt[k]);
      lastOk = Math.max(lastOk, r.ackAt[k]);
    } else byStatus[s || 'none'] = (byStatus[s || 'none'] ?? 0) + 1;
  }
  const lat = sortedCopy(ok);
  const sched = sortedCopy(fromSchedule);
  const spanMs = lastOk - r.t0;
  return {
    offered: r.count,
    issued: r.issued,
    ok: ok.length,
    non200: r.issued - ok.length,
    byStatus,
    truncated: r.truncated,
    spanMs,
    lastOkAt: lastOk,
    ackPerS: spanMs > 0 ? (ok.length * 1000) / spanMs : NaN,
    eventsPerS: spanMs > 0 ? (ok.length * eventsPerRequest * 1000) / spanMs : NaN,
    p50: quantile(lat, 0.5),
    p99: quantile(lat, 0.99),
    max: lat.length ? lat[lat.length - 1] : NaN,
    schedP50: quantile(sched, 0.5),
    schedP99: quantile(sched, 0.99),
  };
}
