import { MASKED_SECRET } from '@bluetick/contracts';
import { startTestApp, type TestApp } from '@bluetick/api/testing';

const WHSEC = /^whsec_[A-Za-z0-9+/]+=*$/;

describe('admin: users and User Details', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const details = (id: string) => t.http('GET', `/api/admin/users/${id}`, { token: t.adminToken });
  const patch = (id: string, body: unknown) => t.http('PATCH', `/api/admin/users/${id}`, { token: t.adminToken, body });

  it('creates a user with both webhook endpoints, unique keys and whsec_ secrets', async () => {
    const { user } = await t.createUser({ name: 'Alia' });
    const res = await details(user.id);
    expect(res.status).toBe(200);
    const { webhooks, channel, modules } = res.body;
    expect(modules).toEqual({ bulk: true, workflow: false });
    expect(channel).toEqual({ provider: 'sandbox', config: {}, rateLimitPerSecond: 80 });
    expect(webhooks.bulk.url).toMatch(/^http:\/\/bluetick\.test\/webhooks\/bulk-status\/[A-Za-z0-9_-]{32}$/);
    expect(webhooks.workflow.url).toMatch(/^http:\/\/bluetick\.test\/webhooks\/workflow\/[A-Za-z0-9_-]{32}$/);
    expect(webhooks.bulk.secret).toMatch(WHSEC);
    expect(Buffer.from(webhooks.bulk.secret.slice(6), 'base64').length).toBeGreaterThanOrEqual(24);
    expect(webhooks.bulk.secret).not.toBe(webhooks.workflow.secret);
    expect([webhooks.bulk.active, webhooks.workflow.active]).toEqual([true, false]);
    expect(res.body.recentDeliveries).toEqual([]);
  });

  it('rejects a duplicate email with 409 and bad input with every problem', async () => {
    const { user } = await t.createUser();
    const dup = await t.http('POST', '/api/admin/users', { token: t.adminToken, body: { email: user.email, password: 'long-enough', name: 'X', role: 'operator' } });
    expect(dup.status).toBe(409);
    const bad = await t.http('POST', '/api/admin/users', { token: t.adminToken, body: { email: 'x', password: 'short', role: 'boss' } });
    expect(bad.status).toBe(400);
    expect(bad.body.problems.map((p: { path: string }) => p.path).sort()).toEqual(['email', 'name', 'password', 'role']);
  });

  it('toggles modules, and active follows them', async () => {
    const { user } = await t.createUser();
    const res = await patch(user.id, { modules: { bulk: false, workflow: true } });
    expect(res.status).toBe(200);
    expect(res.body.modules).toEqual({ bulk: false, workflow: true });
    expect([res.body.webhooks.bulk.active, res.body.webhooks.workflow.active]).toEqual([false, true]);
  });

  it('stores channel credentials write-only: masked in responses, kept when sent back masked', async () => {
    const { user } = await t.createUser();
    const set = await patch(user.id, {
      channel: { provider: 'meta', rateLimitPerSecond: 250, config: { phoneNumberId: '106540352242922', accessToken: 'EAAG-secret', appSecret: 'app-secret', verifyToken: 'verify-me' } },
    });
    expect(set.status).toBe(200);
    expect(set.text).not.toMatch(/EAAG-secret|app-secret|verify-me/);
    expect(set.body.channel).toEqual({
      provider: 'meta',
      rateLimitPerSecond: 250,
      config: { phoneNumberId: '106540352242922', accessToken: MASKED_SECRET, appSecret: MASKED_SECRET, verifyToken: MASKED_SECRET, graphApiBase: expect.stringMatching(/^https:\/\/graph\.facebook\.com\/v\d+\.\d+$/) },
    });
    const again = await patch(user.id, { channel: { provider: 'meta', config: { ...set.body.channel.config, phoneNumberId: '999' } } });
    expect(again.status).toBe(200);
    expect(again.body.channel.config.phoneNumberId).toBe('999');
    expect(again.body.channel.rateLimitPerSecond).toBe(250);
    // Switching provider needs that provider's credentials.
    const missing = await patch(user.id, { channel: { provider: 'generic', config: { baseUrl: 'not a url' } } });
    expect(missing.status).toBe(400);
    expect(missing.body.problems.map((p: { path: string }) => p.path).sort()).toEqual(['channel.config.baseUrl', 'channel.config.token']);
  });

  it('validates the rate limit', async () => {
    const { user } = await t.createUser();
    for (const rateLimitPerSecond of [0, 1.5, 100_001]) {
      const res = await patch(user.id, { channel: { provider: 'sandbox', config: {}, rateLimitPerSecond } });
      expect(res.status).toBe(400);
      expect(res.body.problems[0].path).toBe('channel.rateLimitPerSecond');
    }
  });

  it('rotates one webhook: new key and secret, the other untouched, old URL gone', async () => {
    const { user } = await t.createUser();
    const before = (await details(user.id)).body.webhooks;
    const res = await t.http('POST', `/api/admin/users/${user.id}/webhooks/bulk/rotate`, { token: t.adminToken });
    expect(res.status).toBe(201);
    expect(res.body.webhooks.bulk.url).not.toBe(before.bulk.url);
    expect(res.body.webhooks.bulk.secret).not.toBe(before.bulk.secret);
    expect(res.body.webhooks.workflow).toEqual(before.workflow);
    expect((await t.http('POST', `/api/admin/users/${user.id}/webhooks/nope/rotate`, { token: t.adminToken })).status).toBe(404);
  });

  it('answers 404 for an unknown or malformed user id', async () => {
    expect((await details('00000000-0000-0000-0000-000000000000')).status).toBe(404);
    expect((await details('nope')).status).toBe(404);
  });

  it('keeps at least one admin', async () => {
    const me = (await t.http('GET', '/api/auth/me', { token: t.adminToken })).body;
    const res = await patch(me.id, { role: 'operator' });
    expect(res.status).toBe(409);
  });
});
