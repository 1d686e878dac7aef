import fs from 'node:fs';
import path from 'node:path';
import { signMetaPayload } from '@bluetick/providers';
import {
  eventually,
  onApp,
  phoneAt,
  postMetaSigned,
  postRaw,
  startFakeProvider,
  startTestApp,
  storedBulkEvents,
  type FakeProvider,
  type TestApp,
} from '@bluetick/api/testing';

/** What the fixtures use: our message, the customer, the business number (Phone Number ID). */
const FIXTURE_MESSAGE_ID = 'wamid.HBgLOTczMzMzMDI3MzgVAgARGBI3QjE0RkQ1NTg0MzZGNjE5QTgA';
const FIXTURE_PHONE = '97333302738';
const PHONE_NUMBER_ID = '106540352242922';
const APP_SECRET = 'meta-app-secret-for-tests';
const VERIFY_TOKEN = 'verify-me-please';

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

/** A Meta fixture aimed at one of our messages (and phone); other strings replaced as asked. */
const fixture = (name: string, replace: Record<string, string>) => {
  let text = fs.readFileSync(path.resolve('libs/providers/src/fixtures/meta', name), 'utf8');
  for (const [from, to] of Object.entries(replace)) text = text.replaceAll(from, to);
  return JSON.parse(text);
};

interface MetaOperator {
  userId: string;
  token: string;
  bulkUrl: string;
}

describe('bulk status webhook (Meta WhatsApp Cloud API, X-Hub-Signature-256)', () => {
  let t: TestApp;
  let fake: FakeProvider;
  let op: MetaOperator;
  /** The first job: six recipients, one per fixture. */
  let jobId: string;
  let ids: string[];
  let phones: string[];

  const messagesOf = async (job: string) => (await t.http('GET', `/api/bulk/jobs/${job}/messages?limit=500`, { token: op.token })).body.items as any[];
  const message = async (i: number) => (await messagesOf(jobId)).find((m) => m.messageId === ids[i]);
  const jobOf = async (job: string) => (await t.http('GET', `/api/bulk/jobs/${job}`, { token: op.token })).body;
  const deliveries = async () => (await t.http('GET', `/api/admin/users/${op.userId}`, { token: t.adminToken })).body.recentDeliveries as any[];
  const settled = () => eventually(async () => (await storedBulkEvents(t.config.databaseUrl, op.userId)).every((e) => e.outcome !== 'pending'), 15_000, 'events processed');

  /** A job sent through the fake Cloud API; resolves once every message has its wamid. */
  const sendJob = async (recipients: string[]) => {
    const created = await t.http('POST', '/api/bulk/jobs', {
      token: op.token,
      body: { body: 'Your appointment is tomorrow at 10:00', buttons: [{ id: 'confirm', title: 'Confirm' }, { id: 'cancel', title: 'Cancel' }], recipients: recipients.map((phone) => ({ phone })) },
    });
    expect(created.status).toBe(201);
    await eventually(async () => (await jobOf(created.body.id)).state === 'completed', 30_000, 'job sent');
    const items = await messagesOf(created.body.id);
    return { jobId: created.body.id as string, ids: recipients.map((p) => items.find((m) => m.phone === p).messageId as string) };
  };

  beforeAll(async () => {
    t = await startTestApp();
    fake = await startFakeProvider('meta');
    const user = await t.createUser();
    const patched = await t.http('PATCH', `/api/admin/users/${user.user.id}`, {
      token: t.adminToken,
      body: {
        channel: {
          provider: 'meta',
          config: { phoneNumberId: PHONE_NUMBER_ID, accessToken: fake.token, appSecret: APP_SECRET, verifyToken: VERIFY_TOKEN, graphApiBase: fake.baseUrl },
          rateLimitPerSecond: 10_000,
        },
      },
    });
    expect(patched.status).toBe(200);
    op = { userId: user.user.id, token: user.token, bulkUrl: onApp(t.baseUrl, patched.body.webhooks.bulk.url) };
    phones = Array.from({ length: 6 }, (_, i) => phoneAt(100 + i));
    ({ jobId, ids } = await sendJob(phones));
  });
  afterAll(async () => {
    await fake.close();
    await t.close();
  });

  /** The fixture aimed at message i (and its phone). */
  const forMessage = (name: string, i: number, extra: Record<string, string> = {}) =>
    fixture(name, { [FIXTURE_MESSAGE_ID]: ids[i], [FIXTURE_PHONE]: phones[i], ...extra });

  it('sends through the Cloud API: every row has the wamid the API returned', async () => {
    expect(ids.every((id) => id.startsWith('wamid.'))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(fake.received.map((r) => r.messageId).sort()).toEqual([...ids].sort());
  });

  it('applies delivered, then read; a late delivered leaves the status read', async () => {
    const delivered = forMessage('webhook-status-delivered.json', 0);
    const res = await postMetaSigned(op.bulkUrl, APP_SECRET, delivered);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ received: 1, duplicates: 0 });
    await eventually(async () => (await message(0)).status === 'delivered');
    expect((await message(0)).deliveredAt).toBe(iso(1761746001));

    expect((await postMetaSigned(op.bulkUrl, APP_SECRET, forMessage('webhook-status-read.json', 0))).status).toBe(200);
    await eventually(async () => (await message(0)).status === 'read');
    expect(await message(0)).toMatchObject({ status: 'read', deliveredAt: iso(1761746001), readAt: iso(1761746090) });

    // Meta retries: the same (id, status) again is a duplicate, stored once, counted once.
    const again = await postMetaSigned(op.bulkUrl, APP_SECRET, delivered);
    expect(again.body).toEqual({ received: 0, duplicates: 1 });
    await settled();
    expect((await message(0)).status).toBe('read');
  });

  it('a read with no delivered before it fills deliveredAt from the read', async () => {
    await postMetaSigned(op.bulkUrl, APP_SECRET, forMessage('webhook-status-read.json', 1));
    await eventually(async () => (await message(1)).status === 'read');
    expect(await message(1)).toMatchObject({ status: 'read', readAt: iso(1761746090), deliveredAt: iso(1761746090) });
  });

  it('failed: failedAt, and the reason from errors[].error_data.details', async () => {
    await postMetaSigned(op.bulkUrl, APP_SECRET, forMessage('webhook-status-failed.json', 2));
    await eventually(async () => (await message(2)).status === 'failed');
    expect(await message(2)).toMatchObject({
      status: 'failed',
      failedAt: iso(1761746010),
      failureReason: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
    });
  });

  it('interactive button reply, matched by context.id: which button was clicked', async () => {
    const payload = forMessage('webhook-reply-button.json', 3);
    await postMetaSigned(op.bulkUrl, APP_SECRET, payload);
    await eventually(async () => (await message(3)).status === 'replied');
    const m = await message(3);
    expect(m.repliedAt).toBe(iso(1761746200));
    expect(m.lastReply).toMatchObject({
      type: 'buttons_reply',
      id: 'confirm:b1',
      title: 'Confirm',
      display: 'Confirm',
      at: iso(1761746200),
      payload: payload.entry[0].changes[0].value.messages[0],
    });
  });

  it('interactive list reply: row id, title and description', async () => {
    await postMetaSigned(op.bulkUrl, APP_SECRET, forMessage('webhook-reply-list.json', 4));
    await eventually(async () => (await message(4)).status === 'replied');
    expect((await message(4)).lastReply).toMatchObject({ type: 'list_reply', id: 'slot_0930', title: '09:30', text: 'Tomorrow morning', display: '09:30' });
  });

  it('template quick-reply tap (type "button"): the payload is the id, the text the title', async () => {
    await postMetaSigned(op.bulkUrl, APP_SECRET, forMessage('webhook-reply-template-button.json', 5));
    await eventually(async () => (await message(5)).status === 'replied');
    expect((await message(5)).lastReply).toMatchObject({ type: 'buttons_reply', id: 'CONFIRM_ORDER_991', title: 'Confirm', display: 'Confirm' });
  });

  it('a free-text reply with no context goes to the newest message sent to that phone', async () => {
    // A second job to the same customer as message 0: its message is the newest one to that phone.
    const second = await sendJob([phones[0]]);
    const before = await message(0);
    await postMetaSigned(op.bulkUrl, APP_SECRET, fixture('webhook-reply-text-no-context.json', { [FIXTURE_PHONE]: phones[0] }));
    const newest = await eventually(async () => (await messagesOf(second.jobId)).find((m) => m.status === 'replied'), 10_000, 'newest message replied');
    expect(newest.messageId).toBe(second.ids[0]);
    expect(newest.lastReply).toMatchObject({ type: 'text', text: 'Yes please', display: 'Yes please', at: iso(1761746150) });
    await settled();
    expect(await message(0)).toEqual(before);
  });

  it('stats of the first job equal a GROUP BY over its rows', async () => {
    await settled();
    const job = await jobOf(jobId);
    expect(job.stats).toEqual({ queued: 0, pending: 0, sent: 0, delivered: 0, read: 2, failed: 1, replied: 3 });
    const counted: Record<string, number> = {};
    for (const m of await messagesOf(jobId)) counted[m.status] = (counted[m.status] ?? 0) + 1;
    for (const [status, n] of Object.entries(job.stats)) expect([status, n]).toEqual([status, counted[status] ?? 0]);
  });

  it('rejects a bad or missing X-Hub-Signature-256 with 401 and stores nothing', async () => {
    const before = (await storedBulkEvents(t.config.databaseUrl, op.userId)).length;
    const body = forMessage('webhook-status-delivered.json', 1);
    expect((await postMetaSigned(op.bulkUrl, 'some-other-app-secret', body)).status).toBe(401);
    expect((await postRaw(op.bulkUrl, JSON.stringify(body), { 'content-type': 'application/json' })).status).toBe(401);
    const raw = JSON.stringify(body);
    // Signed over other bytes than the ones sent (a body re-serialised on the way).
    const other = await postRaw(op.bulkUrl, raw + ' ', { 'content-type': 'application/json', 'x-hub-signature-256': signMetaPayload(raw, APP_SECRET) });
    expect(other.status).toBe(401);
    expect((await postRaw(op.bulkUrl, raw, { 'content-type': 'application/json', 'x-hub-signature-256': 'sha256=nothex' })).status).toBe(401);
    expect((await storedBulkEvents(t.config.databaseUrl, op.userId)).length).toBe(before);
  });

  it('answers the GET subscription handshake with the challenge as plain text; a wrong token is 403', async () => {
    const url = new URL(op.bulkUrl);
    const get = (query: string) => t.http('GET', `${url.pathname}?${query}`);
    const ok = await get(`hub.mode=subscribe&hub.verify_token=${encodeURIComponent(VERIFY_TOKEN)}&hub.challenge=12345`);
    expect(ok.status).toBe(200);
    expect(ok.text).toBe('12345');
    expect(ok.headers.get('content-type')).toMatch(/^text\/plain/);
    const bad = await get('hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=12345');
    expect(bad.status).toBe(403);
    expect(bad.text).not.toContain('12345');
    expect((await get('hub.mode=subscribe&hub.challenge=12345')).status).toBe(403);
    expect((await get(`hub.mode=unsubscribe&hub.verify_token=${encodeURIComponent(VERIFY_TOKEN)}&hub.challenge=12345`)).status).toBe(403);
  });

  it('one POST with 1,000 statuses over many entries and changes: 200, and every one applied', async () => {
    const recipients = Array.from({ length: 500 }, (_, i) => phoneAt(1000 + i));
    const big = await sendJob(recipients);
    // Per message, two statuses: (delivered, read) · (sent, delivered) · (sent, read) · (sent, failed).
    const plan: string[][] = [['delivered', 'read'], ['sent', 'delivered'], ['sent', 'read'], ['sent', 'failed']];
    const statuses = big.ids.flatMap((id, i) =>
      plan[i % 4].map((status, k) => ({
        id,
        status,
        timestamp: String(1761746000 + k * 10 + (i % 7)),
        recipient_id: recipients[i],
        ...(status === 'failed' ? { errors: [{ code: 131026, title: 'Message undeliverable', error_data: { details: `undeliverable ${i}` } }] } : {}),
      })),
    );
    expect(statuses).toHaveLength(1000);
    // 10 entries × 5 changes × 20 statuses, in a shuffled order.
    const shuffled = [...statuses].sort((a, b) => (a.id + a.status < b.id + b.status ? -1 : 1));
    const entry = (e: number) => ({
      id: '102290129340398',
      changes: Array.from({ length: 5 }, (_, c) => ({
        field: 'messages',
        value: {
          messaging_product: 'whatsapp',
          metadata: { display_phone_number: '97317000000', phone_number_id: PHONE_NUMBER_ID },
          statuses: shuffled.slice((e * 5 + c) * 20, (e * 5 + c + 1) * 20),
        },
      })),
    });
    const body = { object: 'whatsapp_business_account', entry: Array.from({ length: 10 }, (_, e) => entry(e)) };
    const res = await postMetaSigned(op.bulkUrl, APP_SECRET, body);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ received: 1000, duplicates: 0 });
    const expected = { queued: 0, pending: 0, sent: 0, delivered: 125, read: 250, failed: 125, replied: 0 };
    const sameStats = (stats: Record<string, number>) => Object.entries(expected).every(([k, n]) => stats[k] === n);
    await eventually(async () => sameStats((await jobOf(big.jobId)).stats), 20_000, 'all 1,000 statuses applied');
    await settled();
    expect((await jobOf(big.jobId)).stats).toEqual(expected);
    const outcomes = (await storedBulkEvents(t.config.databaseUrl, op.userId)).filter((e) => big.ids.includes(e.messageId ?? ''));
    expect(outcomes).toHaveLength(1000);
    expect(outcomes.filter((e) => e.outcome !== 'applied')).toEqual([]);
    const rows = await messagesOf(big.jobId);
    const counted: Record<string, number> = {};
    for (const m of rows) counted[m.status] = (counted[m.status] ?? 0) + 1;
    expect(counted).toEqual({ delivered: 125, read: 250, failed: 125 });
    const failed = rows.find((m) => m.messageId === big.ids[3]);
    expect(failed).toMatchObject({ status: 'failed', failureReason: 'undeliverable 3' });
    const readOnly = rows.find((m) => m.messageId === big.ids[2]);
    expect(readOnly.deliveredAt).toBe(readOnly.readAt);
  });

  /*
   * One Meta app posts all its numbers' events to one callback URL: a context-less reply
   * to ANOTHER business number must not be taken as a reply to our message by phone.
   */
  it('a free-text reply to another business number (phone_number_id) is not a reply to our message', async () => {
    const other = await sendJob([phoneAt(200)]);
    const payload = fixture('webhook-reply-text-no-context.json', {
      [FIXTURE_PHONE]: phoneAt(200),
      [PHONE_NUMBER_ID]: '999999999999999',
      'wamid.HBgLOTczMzMzMDI3MzgVAgASGBQzQUVFRUVFRUVFRUVFRUVFRUVFAA==': 'wamid.other-number-inbound-1',
    });
    expect((await postMetaSigned(op.bulkUrl, APP_SECRET, payload)).status).toBe(200);
    await settled();
    const events = await storedBulkEvents(t.config.databaseUrl, op.userId);
    expect(events.find((e) => e.dedupeKey === 'meta:msg:wamid.other-number-inbound-1')?.outcome).not.toBe('applied');
    expect((await messagesOf(other.jobId))[0]).toMatchObject({ status: 'sent', lastReply: null });
  });

  it('shows what arrived in the admin\'s recent deliveries', async () => {
    const recent = await deliveries();
    expect(recent.length).toBeGreaterThan(0);
    expect(recent.every((d) => d.kind === 'bulk' && d.outcome !== 'pending')).toBe(true);
  });
});
