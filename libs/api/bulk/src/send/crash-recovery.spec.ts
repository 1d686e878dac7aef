import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { eventually, phoneAt, request, startFakeProvider, startTestApp, TEST_ADMIN, type FakeProvider, type TestApp } from '@bluetick/api/testing';

/** Only a separate process can be killed: the built app sends; the in-test app only administers. */
describe('crash recovery', () => {
  let t: TestApp;
  let fake: FakeProvider;
  beforeAll(async () => {
    t = await startTestApp({ workers: false });
    fake = await startFakeProvider('meta');
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  async function metaOperator(rateLimitPerSecond: number) {
    const op = await t.createUser();
    const config = { phoneNumberId: '1', accessToken: fake.token, appSecret: 's', verifyToken: 'v', graphApiBase: fake.baseUrl };
    await t.http('PATCH', `/api/admin/users/${op.user.id}`, { token: t.adminToken, body: { channel: { provider: 'meta', config, rateLimitPerSecond } } });
    return op;
  }

  it('a sender killed mid-job: in-flight messages end failed (never re-sent), the rest are sent by the next one', async () => {
        const op = await metaOperator(10);
    const port = 43000 + Math.floor(Math.random() * 1000);
    const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: t.config.databaseUrl, JWT_SECRET: t.config.jwtSecret, ADMIN_EMAIL: TEST_ADMIN.email, ADMIN_PASSWORD: TEST_ADMIN.password, DEMO: '0', DATA_DIR: t.config.dataDir };
    let child: ChildProcess = spawn(process.execPath, [path.resolve('scripts/start.mjs')], { env, stdio: 'ignore' });
    await eventually(async () => (await request(`http://127.0.0.1:${port}`, 'GET', '/health')).status === 200, 30_000, 'child app');
    fake.behaviour = (to) => (to === phoneAt(5) ? { kind: 'hang' } : { kind: 'accept' });
    const base = `http://127.0.0.1:${port}`;
    const id = (await request(base, 'POST', '/api/bulk/jobs', { token: op.token, body: { body: 'Crash test', recipients: Array.from({ length: 30 }, (_, i) => ({ phone: phoneAt(i) })) } })).body.id;
    await eventually(async () => fake.received.some((r) => r.to === phoneAt(5)), 10_000, 'the hanging request');
    child.kill('SIGKILL');
    const sentBeforeCrash = fake.received.length;
    child = spawn(process.execPath, [path.resolve('scripts/start.mjs')], { env, stdio: 'ignore' });
    try {
      const job = await eventually(async () => {
        const res = await request(base, 'GET', `/api/bulk/jobs/${id}`, { token: op.token });
        return res.status === 200 && res.body.state === 'completed' && res.body;
      }, 30_000, 'job to complete after restart');
      expect(job.stats.queued + job.stats.pending).toBe(0);
      expect(job.stats.failed).toBeGreaterThanOrEqual(1);
      const rows = (await request(base, 'GET', `/api/bulk/jobs/${id}/messages?limit=100`, { token: op.token })).body.items;
      expect(rows.find((m: any) => m.phone === phoneAt(5))).toMatchObject({ status: 'failed', failureReason: expect.stringMatching(/outcome unknown/) });
      const perPhone = new Map<string, number>();
      for (const r of fake.received) perPhone.set(r.to, (perPhone.get(r.to) ?? 0) + 1);
      expect([...perPhone.values()].every((n) => n === 1)).toBe(true);
      // Every sent row reached the provider exactly once; a claimed-but-unsent row may fail conservatively.
      for (const m of rows.filter((m: any) => m.status === 'sent')) expect(perPhone.get(m.phone)).toBe(1);
      expect(perPhone.size).toBeLessThanOrEqual(job.stats.sent + job.stats.failed);
      expect(fake.received.length).toBeGreaterThan(sentBeforeCrash);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  });

  it('a sender stopped gracefully puts back the batch it claimed ahead: nothing left pending or failed', async () => {
    fake.behaviour = () => ({ kind: 'accept' });
    const op = await metaOperator(10);
    const sender = await startTestApp({ databaseUrl: t.config.databaseUrl, jwtSecret: t.config.jwtSecret });
    const receivedBefore = fake.received.length;
    const id = (await t.http('POST', '/api/bulk/jobs', { token: op.token, body: { body: 'Stop test', recipients: Array.from({ length: 30 }, (_, i) => ({ phone: phoneAt(100 + i) })) } })).body.id;
    await eventually(async () => fake.received.length - receivedBefore >= 4, 10_000, 'the first sends');
    await sender.close();
    const job = (await t.http('GET', `/api/bulk/jobs/${id}`, { token: op.token })).body;
    const received = fake.received.slice(receivedBefore);
    expect(job.stats).toMatchObject({ pending: 0, failed: 0, sent: received.length, queued: 30 - received.length });
    expect(new Set(received.map((r) => r.to)).size).toBe(received.length);
  });
});
