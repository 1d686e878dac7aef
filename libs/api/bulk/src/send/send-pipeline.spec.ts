import { eventually, phoneAt, startFakeProvider, startTestApp, type FakeProvider, type TestApp } from '@bluetick/api/testing';

describe('send pipeline against a local fake provider', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Short, so the hanging-provider test does not wait long for its timeout.
    t = await startTestApp({ sendTimeoutMs: 2_000 });
  });
  afterAll(() => t.close());

  async function operatorOn(fake: FakeProvider, provider: 'generic' | 'meta', rateLimitPerSecond = 1000) {
    const op = await t.createUser();
    const config =
      provider === 'generic'
        ? { baseUrl: fake.baseUrl, token: fake.token }
        : { phoneNumberId: '106540352242922', accessToken: fake.token, appSecret: 's', verifyToken: 'v', graphApiBase: fake.baseUrl };
    const res = await t.http('PATCH', `/api/admin/users/${op.user.id}`, { token: t.adminToken, body: { channel: { provider, config, rateLimitPerSecond } } });
    expect(res.status).toBe(200);
    return op;
  }

  const createJob = async (token: string, n: number, extra: Record<string, unknown> = {}) => {
    const res = await t.http('POST', '/api/bulk/jobs', {
      token,
      body: { body: 'Your order is ready. Confirm pickup?', buttons: [{ id: 'confirm', title: 'Confirm' }, { id: 'cancel', title: 'Cancel' }], recipients: Array.from({ length: n }, (_, i) => ({ phone: phoneAt(i) })), ...extra },
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const jobOf = async (token: string, id: string) => (await t.http('GET', `/api/bulk/jobs/${id}`, { token })).body;
  const finished = (token: string, id: string) => eventually(async () => {
    const j = await jobOf(token, id);
    return (j.state === 'completed' || j.state === 'cancelled') && j;
  }, 20_000, 'job to finish');
  const allMessages = async (token: string, id: string) => (await t.http('GET', `/api/bulk/jobs/${id}/messages?limit=500`, { token })).body.items as any[];

  it('generic: batched send, every message_id persisted, per-item failures fail only that recipient', async () => {
    const fake = await startFakeProvider('generic');
    fake.behaviour = (to) => (to === phoneAt(3) ? { kind: 'fail', code: 1013, message: 'User is not a WhatsApp user' } : { kind: 'accept' });
    const op = await operatorOn(fake, 'generic');
    const id = await createJob(op.token, 250);
    const job = await finished(op.token, id);
    expect(job.stats).toMatchObject({ sent: 249, failed: 1, queued: 0, pending: 0 });
    const rows = await allMessages(op.token, id);
    const byPhone = new Map(rows.map((m) => [m.phone, m]));
    for (const r of fake.received.filter((r) => r.messageId)) expect(byPhone.get(r.to)?.messageId).toBe(r.messageId);
    expect(byPhone.get(phoneAt(3))).toMatchObject({ status: 'failed', messageId: null, failureReason: expect.stringMatching(/not a WhatsApp user/) });
    expect(fake.received[0]).toMatchObject({ body: 'Your order is ready. Confirm pickup?', buttons: [{ id: 'confirm', title: 'Confirm' }, { id: 'cancel', title: 'Cancel' }] });
    expect(fake.requestTimes.length).toBeLessThan(250);
    await fake.close();
  });

  it('meta: one request per message, wamid ids persisted; provider errors keep their reason', async () => {
    const fake = await startFakeProvider('meta');
    fake.behaviour = (to) => (to === phoneAt(1) ? { kind: 'fail', code: 131026, message: 'Message undeliverable' } : { kind: 'accept' });
    const op = await operatorOn(fake, 'meta');
    const id = await createJob(op.token, 5);
    const job = await finished(op.token, id);
    expect(job.stats).toMatchObject({ sent: 4, failed: 1 });
    const rows = await allMessages(op.token, id);
    expect(rows.filter((m) => m.status === 'sent').every((m) => m.messageId.startsWith('wamid.'))).toBe(true);
    expect(rows.find((m) => m.phone === phoneAt(1)).failureReason).toMatch(/undeliverable/);
    expect(fake.requestTimes).toHaveLength(5);
    await fake.close();
  });

  it('meta: sends an approved template with each recipient\'s parameters; other providers refuse templates', async () => {
    const fake = await startFakeProvider('meta');
    const op = await operatorOn(fake, 'meta');
    const template = { name: 'appointment_reminder', language: 'en_US', bodyParameters: ['{{name}}', 'tomorrow 10:00'] };
    const recipients = [{ phone: phoneAt(0), variables: { name: 'Fatima' } }, { phone: phoneAt(1), variables: { name: 'Ali' } }];
    const res = await t.http('POST', '/api/bulk/jobs', { token: op.token, body: { body: 'Reminder: {{name}}, tomorrow 10:00', buttons: [{ id: 'confirm', title: 'Confirm' }], template, recipients } });
    expect(res.status).toBe(201);
    expect(res.body.template).toEqual(template);
    await finished(op.token, res.body.id);
    expect(fake.received.map((r) => [r.to, r.body, r.buttons.map((b) => b.id)]).sort()).toEqual([
      [phoneAt(0), 'template:appointment_reminder:en_US:Fatima|tomorrow 10:00', ['confirm']],
      [phoneAt(1), 'template:appointment_reminder:en_US:Ali|tomorrow 10:00', ['confirm']],
    ]);
    const genericFake = await startFakeProvider('generic');
    const generic = await operatorOn(genericFake, 'generic');
    const refused = await t.http('POST', '/api/bulk/jobs', { token: generic.token, body: { body: 'x', template, recipients } });
    expect(refused.status).toBe(400);
    expect(refused.body.problems[0]).toMatchObject({ path: 'template', message: expect.stringMatching(/Cloud API/) });
    await Promise.all([fake.close(), genericFake.close()]);
  });

  it('backs off on 429 with Retry-After and then sends everything once', async () => {
    const fake = await startFakeProvider('generic');
    fake.behaviour = (_to, requestIndex) => (requestIndex === 0 ? { kind: 'rate-limit', retryAfterSeconds: 1 } : { kind: 'accept' });
    const op = await operatorOn(fake, 'generic');
    const id = await createJob(op.token, 10);
    const job = await finished(op.token, id);
    expect(job.stats).toMatchObject({ sent: 10, failed: 0 });
    expect(fake.requestTimes[1] - fake.requestTimes[0]).toBeGreaterThanOrEqual(950);
    expect(fake.received.filter((r) => r.messageId)).toHaveLength(10);
    await fake.close();
  });

  it('never re-sends a message whose outcome is unknown (timeout or reset)', async () => {
    const fake = await startFakeProvider('meta');
    fake.behaviour = (to) => (to === phoneAt(0) ? { kind: 'hang' } : to === phoneAt(1) ? { kind: 'reset' } : { kind: 'accept' });
    const op = await operatorOn(fake, 'meta');
    const id = await createJob(op.token, 3);
    const job = await finished(op.token, id);
    expect(job.stats).toMatchObject({ sent: 1, failed: 2 });
    const rows = await allMessages(op.token, id);
    for (const phone of [phoneAt(0), phoneAt(1)]) {
      expect(rows.find((m) => m.phone === phone).failureReason).toMatch(/outcome unknown/);
      expect(fake.received.filter((r) => r.to === phone)).toHaveLength(1);
    }
    await fake.close();
  });

  it('cancel stops queued messages; retry-failed re-sends failed ones with a new id', async () => {
    const fake = await startFakeProvider('meta');
    const op = await operatorOn(fake, 'meta', 5);
    const id = await createJob(op.token, 40);
    await eventually(async () => fake.received.length >= 3);
    const cancelled = await t.http('POST', `/api/bulk/jobs/${id}/cancel`, { token: op.token });
    expect(cancelled.status).toBe(201);
    expect(cancelled.body.state).toBe('cancelled');
    await new Promise((r) => setTimeout(r, 1500));
    const job = await jobOf(op.token, id);
    expect(job.stats.queued).toBeGreaterThan(20);
    expect(fake.received.length).toBe(40 - job.stats.queued);
    expect(job.stats.queued + job.stats.sent + job.stats.pending).toBe(40);

    const flaky = await startFakeProvider('generic');
    let failFirst = true;
    flaky.behaviour = () => (failFirst ? { kind: 'fail', code: 500, message: 'temporarily broken' } : { kind: 'accept' });
    const op2 = await operatorOn(flaky, 'generic');
    const id2 = await createJob(op2.token, 4);
    expect((await finished(op2.token, id2)).stats.failed).toBe(4);
    failFirst = false;
    const retried = await t.http('POST', `/api/bulk/jobs/${id2}/retry-failed`, { token: op2.token });
    expect(retried.status).toBe(201);
    expect(retried.body.total).toBe(4);
    const again = await finished(op2.token, id2);
    expect(again.stats).toMatchObject({ sent: 4, failed: 0 });
    expect(new Set((await allMessages(op2.token, id2)).map((m) => m.messageId)).size).toBe(4);
    await Promise.all([fake.close(), flaky.close()]);
  });

  it('holds the channel rate limit', async () => {
    const fake = await startFakeProvider('meta');
    const op = await operatorOn(fake, 'meta', 20);
    const id = await createJob(op.token, 30);
    await finished(op.token, id);
    const span = (fake.requestTimes[29] - fake.requestTimes[0]) / 1000;
    expect(29 / span).toBeLessThan(20 * 1.1);
    await fake.close();
  });
});
