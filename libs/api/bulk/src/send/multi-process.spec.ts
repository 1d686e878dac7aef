import { eventually, phoneAt, startFakeProvider, startTestApp, type FakeProvider, type TestApp } from '@bluetick/api/testing';

/** Several senders on one database. */
describe('send pipeline across processes', () => {
  let a: TestApp;
  let b: TestApp;
  let fake: FakeProvider;
  beforeAll(async () => {
    a = await startTestApp();
    b = await startTestApp({ databaseUrl: a.config.databaseUrl, jwtSecret: a.config.jwtSecret });
    fake = await startFakeProvider('meta');
  });
  afterAll(async () => {
    await b.close();
    await a.close();
    await fake.close();
  });

  async function metaOperator(rateLimitPerSecond: number) {
    const op = await a.createUser();
    const config = { phoneNumberId: '1', accessToken: fake.token, appSecret: 's', verifyToken: 'v', graphApiBase: fake.baseUrl };
    await a.http('PATCH', `/api/admin/users/${op.user.id}`, { token: a.adminToken, body: { channel: { provider: 'meta', config, rateLimitPerSecond } } });
    return op;
  }

  it('two app instances never send the same message', async () => {
    const ops = await Promise.all([metaOperator(2000), metaOperator(2000), metaOperator(2000)]);
    const ids = await Promise.all(
      ops.map(async (op, k) =>
        (await b.http('POST', '/api/bulk/jobs', { token: op.token, body: { body: `Job ${k}`, recipients: Array.from({ length: 200 }, (_, i) => ({ phone: phoneAt(k * 1000 + i) })) } })).body.id,
      ),
    );
    for (const [k, id] of ids.entries()) {
      await eventually(async () => (await a.http('GET', `/api/bulk/jobs/${id}`, { token: ops[k].token })).body.state === 'completed', 20_000);
    }
    const perPhone = new Map<string, number>();
    for (const r of fake.received) perPhone.set(r.to, (perPhone.get(r.to) ?? 0) + 1);
    expect([...perPhone.values()].every((n) => n === 1)).toBe(true);
    const failed = (await Promise.all(ids.map((id, k) => a.http('GET', `/api/bulk/jobs/${id}/messages?status=failed`, { token: ops[k].token })))).flatMap((r) => r.body.items);
    expect({ received: perPhone.size, failed: failed.map((m: any) => m.failureReason) }).toEqual({ received: 600, failed: [] });
  });
});
