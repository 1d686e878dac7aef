// `npm run bench:send`: throughput and rate-limit accuracy of the send pipeline against a
// local fake provider (api.md's `generic` batched Send API and the Meta Cloud API format).
//
// 1. 10,000 messages, no effective limit (rateLimitPerSecond 100000): messages/s from
//    POST /api/bulk/jobs to state "completed" (GET every 100 ms), and the provider-side rate.
// 2. Configured limits of 80/s (800 messages) and 1,000/s (10,000 messages): the rate the
//    fake provider sees, and its ratio to the limit.
//
// Each scenario has its own operator and fake provider; one app (`node scripts/start.mjs`)
// serves them all after an unmeasured warm-up. Every run checks that each message reached
// the provider exactly once and the job completed with all messages sent.
//
// Env: DATABASE_URL (use that server, with a fresh database dropped afterwards; else an
// embedded PostgreSQL in a temp folder), BENCH_SCALE (e.g. 0.1 for a quick run),
// BENCH_ONLY (comma-separated scenario names), BENCH_REBUILD (dist/api is rebuilt when
// missing or older than its sources; 1 = always, 0 = never when it exists).
import os from 'node:os';
import { committedTransactions, cpuMeter, fmt, gapStats, log, providerRate, recipients, runBench, runJob, sleep, startApp, startFakeProvider, table } from './lib.mjs';

const scale = Number(process.env.BENCH_SCALE ?? 1);
const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',').map((s) => s.trim())) : null;
const n = (count) => Math.max(10, Math.round(count * scale));
const UNLIMITED = 100_000;
const AIM_UNLIMITED = 1_000;
const AIM_TOLERANCE = 0.05;

const scenarios = [
  { name: 'unlimited-generic', format: 'generic', limit: UNLIMITED, count: n(10_000) },
  { name: 'unlimited-meta', format: 'meta', limit: UNLIMITED, count: n(10_000) },
  { name: 'limit80-generic', format: 'generic', limit: 80, count: n(800) },
  { name: 'limit80-meta', format: 'meta', limit: 80, count: n(800) },
  { name: 'limit1000-generic', format: 'generic', limit: 1000, count: n(10_000) },
  { name: 'limit1000-meta', format: 'meta', limit: 1000, count: n(10_000) },
].filter((s) => !only || only.has(s.name));

const jobBody = (count, offset) => ({
  name: 'bench',
  body: 'Your order is ready. Confirm pickup?',
  buttons: [
    { id: 'confirm', title: 'Confirm' },
    { id: 'cancel', title: 'Cancel' },
  ],
  recipients: recipients(count, offset),
});

async function runScenario(app, s, offset) {
  const fake = await startFakeProvider(s.format);
  const op = await app.createOperator(fake.channel(s.limit));
  // Generous bound: the expected duration at the limit (or at 200/s when unlimited) plus a minute.
  const expectedMs = (s.count / Math.min(s.limit, 200)) * 1000;
  const xact0 = await committedTransactions(app.databaseUrl()).catch(() => NaN);
  const cpu = cpuMeter(app);
  const run = await runJob(app, op.token, jobBody(s.count, offset), { pollMs: 100, timeoutMs: expectedMs * 2 + 60_000 });
  const used = cpu();
  await sleep(1000); // pg_stat_database lags a little
  const transactions = (await committedTransactions(app.databaseUrl()).catch(() => NaN)) - xact0 - 1;
  const full = providerRate(fake.requests);
  const steady = providerRate(fake.requests, [0.1, 0.9]);
  const gaps = gapStats(fake.requests);
  const { stats } = run.job;
  const duplicates = [...fake.perPhone.values()].filter((c) => c > 1).length;
  const problems = [];
  if (run.job.state !== 'completed') problems.push(`state ${run.job.state}`);
  if (stats.sent !== s.count) problems.push(`sent ${stats.sent}/${s.count} (failed ${stats.failed}, pending ${stats.pending}, queued ${stats.queued})`);
  if (fake.accepted !== s.count || fake.perPhone.size !== s.count) problems.push(`provider got ${fake.accepted} messages for ${fake.perPhone.size} phones`);
  if (duplicates) problems.push(`${duplicates} phones sent twice`);
  await fake.close();
  return {
    ...s,
    full,
    steady,
    gaps,
    postMs: run.createdAt - run.postedAt,
    totalMs: run.completedAt - run.postedAt,
    afterCreateMs: run.completedAt - run.createdAt,
    firstRequestMs: full.firstAt - run.postedAt,
    tailMs: run.completedAt - full.lastAt,
    used,
    transactions,
    problems,
  };
}

function printResources(results) {
  console.log(`\n3. Resources during each job (POST → completed seen): CPU seconds by process, % of one core (${os.cpus().length} cores); "other procs" = the rest of the machine (noise); database transactions committed (incl. single-statement reads)`);
  const pct = (cpuS, wallS) => `${((cpuS / wallS) * 100).toFixed(0)}%`;
  table(
    ['scenario', 'wall s', 'app CPU s', 'app %core', 'postgres CPU s', 'postgres %core', 'bench CPU s', 'other procs %core', 'DB xacts', 'msgs/xact'],
    results.map((r) => [
      r.name,
      r.used.wallS.toFixed(2),
      r.used.app.toFixed(2),
      pct(r.used.app, r.used.wallS),
      r.used.postgres ? r.used.postgres.toFixed(2) : '—',
      r.used.postgres ? pct(r.used.postgres, r.used.wallS) : '—',
      r.used.bench.toFixed(2),
      Number.isFinite(r.used.others) ? pct(r.used.others, r.used.wallS) : '—',
      Number.isFinite(r.transactions) ? r.transactions : '—',
      Number.isFinite(r.transactions) ? (r.count / r.transactions).toFixed(1) : '—',
    ]),
  );
}

function printUnlimited(results) {
  console.log(`\n1. Unlimited (rateLimitPerSecond ${UNLIMITED}): POST /api/bulk/jobs → state "completed" (polled every 100 ms)`);
  table(
    ['scenario', 'messages', 'requests', 'POST→201 s', 'POST→done s', 'msg/s (POST→done)', 'msg/s (201→done)', 'provider span s', 'provider msg/s', 'POST→1st req ms', 'last req→done ms', 'check'],
    results.map((r) => [
      r.name,
      r.count,
      r.full.requests,
      fmt.s(r.postMs),
      fmt.s(r.totalMs),
      fmt.rate((r.count * 1000) / r.totalMs),
      fmt.rate((r.count * 1000) / r.afterCreateMs),
      fmt.s(r.full.spanMs),
      fmt.rate(r.full.rate),
      fmt.ms(r.firstRequestMs),
      fmt.ms(r.tailMs),
      r.problems.length ? 'FAIL' : 'ok',
    ]),
  );
  for (const r of results) {
    const e2e = (r.count * 1000) / r.totalMs;
    console.log(`   ${r.name}: ${fmt.rate(e2e)} msg/s end to end, ${fmt.rate(r.full.rate)} msg/s at the provider — aim ≥${AIM_UNLIMITED} msg/s: ${e2e >= AIM_UNLIMITED ? 'met' : 'MISSED'}`);
  }
}

function printLimited(results) {
  console.log('\n2. Configured limits: rate at the fake provider (messages in [first request, last request) / span)');
  table(
    ['scenario', 'limit/s', 'messages', 'requests', 'span s', 'achieved/s', 'ratio', 'steady 10–90% /s', 'ratio', 'gap p50 ms', 'gap max ms', 'job done s', 'check'],
    results.map((r) => [
      r.name,
      r.limit,
      r.count,
      r.full.requests,
      fmt.s(r.full.spanMs),
      fmt.rate(r.full.rate),
      fmt.ratio(r.full.rate / r.limit),
      fmt.rate(r.steady.rate),
      fmt.ratio(r.steady.rate / r.limit),
      fmt.ms(r.gaps.p50),
      fmt.ms(r.gaps.max),
      fmt.s(r.totalMs),
      r.problems.length ? 'FAIL' : 'ok',
    ]),
  );
  for (const r of results) {
    const ratio = r.full.rate / r.limit;
    const ok = Math.abs(ratio - 1) <= AIM_TOLERANCE;
    console.log(`   ${r.name}: limit ${r.limit}/s → achieved ${fmt.rate(r.full.rate)}/s (${fmt.ratio(ratio)}) — within ${AIM_TOLERANCE * 100}%: ${ok ? 'met' : 'MISSED'}`);
  }
}

runBench(
  async () => {
    console.log(`bench:send — node ${process.version}, ${os.cpus().length} CPU(s), ${process.env.DATABASE_URL ? 'PostgreSQL from DATABASE_URL (fresh database)' : 'embedded PostgreSQL (temp DATA_DIR)'}${scale !== 1 ? `, scale ${scale}` : ''}`);
    const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
    console.log(`load average before: ${load()}`);
    const app = await startApp();
    log(`app up on ${app.baseUrl} (log: ${app.logFile})`);

    // Warm-up (JIT, connection pools, first-claim paths): not measured.
    for (const format of ['generic', 'meta']) {
      const fake = await startFakeProvider(format);
      const op = await app.createOperator(fake.channel(UNLIMITED));
      await runJob(app, op.token, jobBody(format === 'generic' ? 1000 : 300, 900_000), { timeoutMs: 60_000 });
      await fake.close();
    }
    log('warm-up done');

    const results = [];
    let offset = 0;
    for (const s of scenarios) {
      log(`${s.name}: ${s.count} messages, limit ${s.limit}/s…`);
      const r = await runScenario(app, s, offset);
      offset += s.count;
      results.push(r);
      log(
        `${s.name}: done in ${fmt.s(r.totalMs)} s — provider ${fmt.rate(r.full.rate)} msg/s over ${fmt.s(r.full.spanMs)} s, ${r.full.requests} requests${r.problems.length ? ` — PROBLEMS: ${r.problems.join('; ')}` : ''}`,
      );
    }

    const unlimited = results.filter((r) => r.limit === UNLIMITED);
    const limited = results.filter((r) => r.limit !== UNLIMITED);
    if (unlimited.length) printUnlimited(unlimited);
    if (limited.length) printLimited(limited);
    printResources(results);
    console.log(`load average after: ${load()}`);
    const failed = results.filter((r) => r.problems.length);
    for (const r of failed) console.log(`\n✖ ${r.name}: ${r.problems.join('; ')}`);
    console.log(failed.length ? `\n${failed.length} scenario(s) failed their checks` : '\nall scenarios: every message sent exactly once, job completed');
    if (failed.length) throw new Error('some scenarios failed their checks');
  },
  { timeoutMs: 15 * 60_000 },
);
