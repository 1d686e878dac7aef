import { eventually, phoneAt, startTestApp, type TestApp } from '@bluetick/api/testing';

describe('bulk jobs: create, validate, read, access', () => {
  let t: TestApp;
  let op: { token: string; user: { id: string } };
  beforeAll(async () => {
    t = await startTestApp();
    op = await t.createUser();
    await t.http('PATCH', `/api/admin/users/${op.user.id}`, { token: t.adminToken, body: { channel: { provider: 'sandbox', config: { deliverRate: 1, readRate: 0 } } } });
  });
  afterAll(() => t.close());

  const create = (body: unknown, token = op.token) => t.http('POST', '/api/bulk/jobs', { token, body });
  const job = (id: string, token = op.token) => t.http('GET', `/api/bulk/jobs/${id}`, { token });
  const messages = (id: string, query = '', token = op.token) => t.http('GET', `/api/bulk/jobs/${id}/messages${query}`, { token });

  it('lists every problem of a bad job at once, and writes nothing', async () => {
    const res = await create({
      body: 'Hi {{name}}' + 'x'.repeat(1100),
      buttons: [{ id: 'a', title: 'Confirm' }, { id: 'b', title: 'This title is far too long' }, { id: 'c', title: 'C' }, { id: 'd', title: 'D' }],
      recipients: [{ phone: '12' }, { phone: phoneAt(1) }],
    });
    expect(res.status).toBe(400);
    const text = JSON.stringify(res.body.problems);
    expect(text).toMatch(/1024/);
    expect(text).toMatch(/at most 3/i);
    expect(text).toMatch(/at most 20/);
    expect(res.body.problems).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'recipients[0].phone' })]));
    expect(text).toMatch(/recipients\[1\]\.variables\.name/);
    expect((await t.http('GET', '/api/bulk/jobs', { token: op.token })).body).toEqual([]);
  });

  it('needs recipients', async () => {
    const res = await create({ body: 'Hello', recipients: [] });
    expect(res.status).toBe(400);
    expect(res.body.problems[0].path).toBe('recipients');
  });

  it('refuses with 403 when the bulk module is disabled', async () => {
    const other = await t.createUser();
    await t.http('PATCH', `/api/admin/users/${other.user.id}`, { token: t.adminToken, body: { modules: { bulk: false } } });
    const res = await create({ body: 'Hello', recipients: [{ phone: phoneAt(1) }] }, other.token);
    expect(res.status).toBe(403);
    expect(res.body.message).toMatch(/Bulk module is disabled/);
  });

  it('sends a sandbox job: every row SENT with its own persisted message_id, stats a partition', async () => {
    const recipients = Array.from({ length: 120 }, (_, i) => ({ phone: `+973 36${String(i).padStart(6, '0').replace(/(\d{3})(\d{3})/, '$1-$2')}`, variables: { name: `N${i}` } }));
    recipients.push({ phone: recipients[0].phone, variables: { name: 'dup' } });
    const res = await create({ name: 'Pickup reminders', body: 'Hi {{ name }}, confirm pickup?', buttons: [{ id: 'confirm', title: 'Confirm' }], recipients });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'Pickup reminders', total: 120, duplicatesMerged: 1, state: expect.stringMatching(/queued|sending/) });
    const id = res.body.id;
    const done = await eventually(async () => {
      const j = (await job(id)).body;
      return j.state === 'completed' && j;
    });
    expect(done.stats.queued + done.stats.pending).toBe(0);
    const all: any[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await messages(id, `?limit=50${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      all.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(all).toHaveLength(120);
    expect(new Set(all.map((m) => m.messageId)).size).toBe(120);
    for (const m of all) {
      // The sandbox's simulated customers may already have received it (readRate 0: nobody reads).
      expect(m).toMatchObject({ status: expect.stringMatching(/^(sent|delivered|failed)$/), messageId: expect.any(String), sentAt: expect.any(String), lastReply: null, buttons: [{ id: 'confirm', title: 'Confirm' }] });
    }
    expect(all[0]).toMatchObject({ phone: '97336000000', body: 'Hi N0, confirm pickup?' });
    expect((await messages(id, '?phone=36-000-011')).body.items.map((m: any) => m.phone)).toEqual(['97336000011']);
    expect((await messages(id, '?status=failed,queued')).body.items).toEqual([]);
    expect((await messages(id, '?status=bogus')).status).toBe(400);
    expect((await messages(id, '?cursor=abc')).status).toBe(400);
    const csv = await t.http('GET', `/api/bulk/jobs/${id}/export.csv`, { token: op.token });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.text.trim().split('\r\n')).toHaveLength(121);
  });

  it('shows an operator only their own jobs; admins see all', async () => {
    const mine = (await create({ body: 'Mine', recipients: [{ phone: phoneAt(7) }] })).body;
    const stranger = await t.createUser();
    expect((await job(mine.id, stranger.token)).status).toBe(404);
    expect((await messages(mine.id, '', stranger.token)).status).toBe(404);
    expect((await t.http('POST', `/api/bulk/jobs/${mine.id}/cancel`, { token: stranger.token })).status).toBe(404);
    expect((await t.http('GET', '/api/bulk/jobs', { token: stranger.token })).body).toEqual([]);
    expect((await job(mine.id, t.adminToken)).status).toBe(200);
    expect((await t.http('GET', '/api/bulk/jobs', { token: t.adminToken })).body.map((j: any) => j.id)).toContain(mine.id);
    expect((await job('not-a-uuid')).status).toBe(404);
  });
});
