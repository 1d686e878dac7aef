import fs from 'node:fs';
import path from 'node:path';
import { eventually, postRaw, postSigned, sentGenericJob, startTestApp, type TestApp, type TrackedJob } from '@bluetick/api/testing';

const fixture = (name: string, messageId: string) =>
  JSON.parse(fs.readFileSync(path.resolve('libs/providers/src/fixtures/spec', name), 'utf8').replaceAll('rLIu8mLxHn_czF3vPRfgag-gG8Wqd0L7g', messageId));

describe('bulk status webhook (spec format, Standard Webhooks signature)', () => {
  let t: TestApp;
  let job: TrackedJob;
  beforeAll(async () => {
    t = await startTestApp();
    job = await sentGenericJob(t);
  });
  afterAll(async () => {
    await job.fake.close();
    await t.close();
  });

  const message = async (i: number) => {
    const items = (await t.http('GET', `/api/bulk/jobs/${job.jobId}/messages`, { token: job.token })).body.items;
    return items.find((m: any) => m.messageId === job.messageIds[i]);
  };
  const stats = async () => (await t.http('GET', `/api/bulk/jobs/${job.jobId}`, { token: job.token })).body.stats;
  const deliveries = async () => (await t.http('GET', `/api/admin/users/${job.userId}`, { token: t.adminToken })).body.recentDeliveries;
  const settled = () => eventually(async () => (await deliveries()).every((d: any) => d.outcome !== 'pending'), 10_000, 'events processed');

  it('applies the spec delivered event, and the same event again changes nothing', async () => {
    const payload = fixture('webhook-status-delivered.json', job.messageIds[0]);
    const first = await postSigned(job.bulkUrl, job.secret, payload);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ received: 1, duplicates: 0 });
    await eventually(async () => (await message(0)).status === 'delivered');
    expect((await message(0)).deliveredAt).toBe(new Date(1761746001 * 1000).toISOString());
    const again = await postSigned(job.bulkUrl, job.secret, payload);
    expect(again.body).toEqual({ received: 0, duplicates: 1 });
    await settled();
    expect(await stats()).toEqual({ queued: 0, pending: 0, sent: 2, delivered: 1, read: 0, failed: 0, replied: 0 });
  });

  it('shows exactly which button was clicked, and counts it once', async () => {
    const payload = fixture('webhook-reply-buttons.json', job.messageIds[1]);
    expect((await postSigned(job.bulkUrl, job.secret, payload)).status).toBe(200);
    // A provider retry of the same delivery (same webhook-id) is the same event.
    await eventually(async () => (await message(1)).status === 'replied');
    const m = await message(1);
    expect(m.lastReply).toMatchObject({ type: 'buttons_reply', id: 'b1', title: 'Confirm', display: 'Confirm', payload: payload.messages[0] });
    expect(m.repliedAt).toBe(new Date(1761746200 * 1000).toISOString());
    await postSigned(job.bulkUrl, job.secret, payload);
    await settled();
    const job2 = (await t.http('GET', `/api/bulk/jobs/${job.jobId}`, { token: job.token })).body;
    expect(job2.stats.replied).toBe(1);
  });

  it('takes list and text replies: list id after the colon, text cut to 60 characters', async () => {
    await postSigned(job.bulkUrl, job.secret, fixture('webhook-reply-list.json', job.messageIds[2]));
    await eventually(async () => (await message(2)).lastReply?.type === 'list_reply');
    expect((await message(2)).lastReply).toMatchObject({ id: 'r1', title: 'Reschedule', display: 'Reschedule' });
    const long = 'Yes, confirmed — and please ring the bell twice because the intercom on our floor is broken';
    const text = { event_id: 'evt_text_1', messages: [{ message_id: job.messageIds[2], type: 'text', text: { body: long }, timestamp: Math.floor(Date.now() / 1000) + 2 }] };
    await postSigned(job.bulkUrl, job.secret, text);
    await eventually(async () => (await message(2)).lastReply?.type === 'text');
    const reply = (await message(2)).lastReply;
    expect(reply.text).toBe(long);
    expect([...reply.display.replace(/…$/, '')].length).toBeLessThanOrEqual(60);
    expect(long.startsWith(reply.display.replace(/…$/, ''))).toBe(true);
  });

  it('counters always equal a GROUP BY over the rows', async () => {
    await settled();
    const s = await stats();
    const items = (await t.http('GET', `/api/bulk/jobs/${job.jobId}/messages`, { token: job.token })).body.items;
    const counted: Record<string, number> = {};
    for (const m of items) counted[m.status] = (counted[m.status] ?? 0) + 1;
    for (const [status, n] of Object.entries(s)) expect([status, n]).toEqual([status, counted[status] ?? 0]);
  });

  it('rejects bad, missing and stale signatures with 401 and stores nothing', async () => {
    const before = (await deliveries()).length;
    const body = fixture('webhook-status-delivered.json', job.messageIds[0]);
    expect((await postSigned(job.bulkUrl, 'whsec_' + Buffer.alloc(32, 7).toString('base64'), body)).status).toBe(401);
    expect((await postRaw(job.bulkUrl, JSON.stringify(body), { 'content-type': 'application/json' })).status).toBe(401);
    const stale = await postSigned(job.bulkUrl, job.secret, body, { timestamp: new Date(Date.now() - 6 * 60 * 1000) });
    expect(stale.status).toBe(401);
    expect(stale.body.message).toMatch(/tolerance|timestamp/i);
    expect((await deliveries()).length).toBe(before);
  });

  it('answers 400 to a body that is not JSON, 413 over 1 MiB, 404 to an unknown key', async () => {
    const notJson = await postSigned(job.bulkUrl, job.secret, 'this is not json');
    expect(notJson.status).toBe(400);
    const huge = await postSigned(job.bulkUrl, job.secret, { messages: [], pad: 'x'.repeat(1024 * 1024) });
    expect(huge.status).toBe(413);
    const unknown = await postSigned(job.bulkUrl.replace(/[^/]+$/, 'nope'), job.secret, {});
    expect(unknown.status).toBe(404);
  });

  it('stores authentic but unrecognised items as unrecognized, answers 200, and lets an admin reprocess them', async () => {
    const res = await postSigned(job.bulkUrl, job.secret, { event_id: 'evt_odd', messages: [{ message_id: job.messageIds[0], type: 'hologram' }] });
    expect(res.status).toBe(200);
    const odd = await eventually(async () => (await deliveries()).find((d: any) => d.outcome === 'unrecognized'));
    const again = await t.http('POST', `/api/admin/users/${job.userId}/deliveries/${odd.id}/reprocess`, { token: t.adminToken });
    expect(again.status).toBe(201);
  });

  it('keeps retrying an event whose message is not known yet, instead of dropping it', async () => {
    const res = await postSigned(job.bulkUrl, job.secret, { event_id: 'evt_early', messages: [{ message_id: 'not-yet-known', type: 'status', status: 'read' }] });
    expect(res.status).toBe(200);
    await new Promise((r) => setTimeout(r, 500));
    expect((await deliveries()).find((d: any) => d.messageId === 'not-yet-known')).toMatchObject({ outcome: 'pending' });
  });

  it('is gone (404) while the bulk module is disabled, and stores nothing', async () => {
    await t.http('PATCH', `/api/admin/users/${job.userId}`, { token: t.adminToken, body: { modules: { bulk: false } } });
    const before = (await deliveries()).length;
    const res = await postSigned(job.bulkUrl, job.secret, fixture('webhook-status-delivered.json', job.messageIds[1]));
    expect(res.status).toBe(404);
    expect((await deliveries()).length).toBe(before);
    await t.http('PATCH', `/api/admin/users/${job.userId}`, { token: t.adminToken, body: { modules: { bulk: true } } });
  });

  it('keeps the Workflow webhook apart: its events never touch bulk messages or counters', async () => {
    const before = await stats();
    const res = await postSigned(job.workflowUrl, job.workflowSecret, { event_id: 'wf_1', messages: [{ message_id: job.messageIds[0], type: 'status', status: 'read' }] });
    expect(res.status).toBe(200);
    await eventually(async () => (await deliveries()).some((d: any) => d.kind === 'workflow'));
    await new Promise((r) => setTimeout(r, 400));
    expect(await stats()).toEqual(before);
    expect((await message(0)).status).toBe('delivered');
    // The bulk secret does not open the workflow webhook, and vice versa.
    expect((await postSigned(job.workflowUrl, job.secret, { messages: [] })).status).toBe(401);
    expect((await postSigned(job.bulkUrl, job.workflowSecret, { messages: [] })).status).toBe(401);
    await t.http('PATCH', `/api/admin/users/${job.userId}`, { token: t.adminToken, body: { modules: { workflow: false } } });
    expect((await postSigned(job.workflowUrl, job.workflowSecret, { messages: [] })).status).toBe(404);
  });
});
