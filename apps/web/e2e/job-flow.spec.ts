/**
 * The operator's bulk flow in a real browser against the real app: compose a job on the
 * New bulk job page, land on its Job Details and watch every row become Sent with its
 * message id, live (no reload); the sandbox's simulated outcomes arriving live; and the
 * server's validation problems shown on the form.
 *
 * Where a test needs rows to stay Sent it sends through the test fake provider (accepts
 * at once, never calls back): the sandbox simulator turns every Sent row into Delivered /
 * Failed within 0.5–2.5 s, so "Sent" would only be a moment there.
 */
import type { Job, Message, MessagePage } from '@bluetick/contracts';
import { phoneAt, startFakeProvider, startTestApp, type FakeProvider, type TestApp } from '@bluetick/api/testing';
import type { Page } from 'playwright-core';
import { openBrowser, poll, signIn, withScreenshot, type BrowserSession } from './browser';

/** The sandbox with every simulated customer receiving, reading and replying: each row ends Replied. */
const ALWAYS_REPLYING_SANDBOX = { provider: 'sandbox', config: { deliverRate: 1, readRate: 1, replyRate: 1 } };

interface RowView {
  phone: string;
  status: string | null;
  statusCell: string;
  messageId: string | null;
  messageIdCell: string;
  lastReply: string;
}

/** What the Messages table shows, row by row. */
const readRows = (page: Page): Promise<RowView[]> =>
  page.getByTestId('message-row').evaluateAll((rows) =>
    rows.map((row) => {
      const cell = (id: string) => (row.querySelector(`[data-testid="${id}"]`) as HTMLElement | null)?.innerText.trim() ?? '';
      return {
        phone: cell('phone-cell'),
        status: row.getAttribute('data-status'),
        statusCell: cell('status-cell'),
        messageId: row.getAttribute('data-message-id'),
        messageIdCell: cell('message-id-cell'),
        lastReply: cell('last-reply-cell'),
      };
    }),
  );

const pillCount = async (page: Page, status: string) => Number(await page.getByTestId(`pill-${status}`).getAttribute('data-count'));

/** Rows, the Sent pill and the live indicator (which tells, on a timeout, whether the socket was up). */
const readLive = async (page: Page) => ({
  rows: await readRows(page),
  sent: await pillCount(page, 'sent'),
  connection: await page.getByTestId('connection-status').getAttribute('data-state'),
});

/** Every row Sent, its message id in the row and shown in its cell. */
const allSent = (rows: RowView[], n: number) =>
  rows.length === n && rows.every((r) => r.status === 'sent' && r.statusCell === 'Sent' && !!r.messageId && r.messageIdCell === r.messageId);

/** Marks the document: a reload (or any full navigation) drops the mark. */
const markDocument = (page: Page) => page.evaluate(() => ((window as unknown as { __bluetickMark: boolean }).__bluetickMark = true));
const documentMarked = (page: Page) => page.evaluate(() => (window as unknown as { __bluetickMark?: boolean }).__bluetickMark === true);

describe('browser: bulk job flow', () => {
  let t: TestApp;
  let session: BrowserSession | undefined;

  let fake: FakeProvider;

  /** An operator whose channel is `channel` (kept as created — the sandbox — when omitted). */
  const newOperator = async (name: string, channel?: Record<string, unknown>) => {
    const operator = await t.createUser({ name });
    if (channel) {
      const res = await t.http('PATCH', `/api/admin/users/${operator.user.id}`, { token: t.adminToken, body: { channel } });
      expect(res.status).toBe(200);
    }
    return operator;
  };
  /** A channel on the fake provider: accepts every message at once and never calls back, so rows stay Sent. */
  const fakeChannel = (rateLimitPerSecond?: number) => ({
    provider: 'generic',
    config: { baseUrl: fake.baseUrl, token: fake.token },
    ...(rateLimitPerSecond ? { rateLimitPerSecond } : {}),
  });
  const messagesOf = async (token: string, jobId: string) => {
    const res = await t.http<MessagePage>('GET', `/api/bulk/jobs/${jobId}/messages?limit=100`, { token });
    expect(res.status).toBe(200);
    return res.body.items;
  };

  beforeAll(async () => {
    t = await startTestApp();
    fake = await startFakeProvider('generic');
  });

  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  afterAll(async () => {
    await t?.close();
    await fake?.close();
  });

  it('creates a job on the New bulk job page and sees every row become Sent with its message id, without reload', async () => {
    const operator = await newOperator('Nadia Operator', fakeChannel());
    session = await openBrowser(t.baseUrl);
    const { page } = session;
    let loads = 0;
    page.on('load', () => (loads += 1));

    await withScreenshot(page, 'job-flow-sent', async () => {
      await signIn(page, { email: operator.user.email, password: operator.password });
      await page.getByTestId('new-job').click();
      await page.waitForURL((url) => url.pathname === '/outbox/new');

      const phones = [phoneAt(0), phoneAt(1), phoneAt(2)];
      // As pasted: one number per line, the last one written with + and spaces.
      const pasted = [phones[0], phones[1], `+${phones[2].slice(0, 3)} ${phones[2].slice(3, 7)} ${phones[2].slice(7)}`].join('\n');
      await page.getByTestId('compose-name').fill('Browser job');
      await page.getByTestId('compose-recipients').fill(pasted);
      await page.getByTestId('compose-body').fill('Hello! Your appointment is tomorrow at 10:00. Please confirm.');
      await page.getByTestId('compose-add-button').click();
      await page.getByTestId('compose-button-title-0').fill('Confirm');
      await poll('the recipient count', () => page.getByTestId('recipients-count').getAttribute('data-count'), (c) => c === '3');
      expect(await page.getByTestId('recipient-hints').count()).toBe(0);
      expect(await page.getByTestId('compose-submit').innerText()).toBe('Send to 3 recipients');

      loads = 0;
      await markDocument(page);
      await page.getByTestId('compose-submit').click();

      await page.waitForURL((url) => /^\/outbox\/[^/]+$/.test(url.pathname) && url.pathname !== '/outbox/new');
      const details = page.getByTestId('job-details');
      await details.waitFor();
      const jobId = (await details.getAttribute('data-job-id'))!;
      expect(page.url()).toMatch(new RegExp(`/outbox/${jobId}$`));
      expect(await page.getByTestId('job-name').innerText()).toBe('Browser job');

      const rows = await poll('every row to be Sent with its message id, and the Sent pill at 3', () => readLive(page), (v) => allSent(v.rows, 3) && v.sent === 3);
      expect(rows.connection).toBe('live');
      expect(rows.rows.map((r) => r.phone).sort()).toEqual([...phones].sort());
      expect(await pillCount(page, 'queued')).toBe(0);
      expect(await pillCount(page, 'pending')).toBe(0);
      expect(await page.getByTestId('job-total').innerText()).toBe('3');

      // The ids shown are the provider's, one per recipient, as the server stored them.
      const provided = fake.received.filter((m) => phones.includes(m.to)).map((m) => [m.to, m.messageId]);
      expect(provided.sort()).toEqual(rows.rows.map((r) => [r.phone, r.messageId]).sort());
      const server = await messagesOf(operator.token, jobId);
      expect(server.map((m: Message) => [m.phone, m.messageId]).sort()).toEqual(rows.rows.map((r) => [r.phone, r.messageId]).sort());
      expect(new Set(rows.rows.map((r) => r.messageId)).size).toBe(3);
      expect(server.every((m) => m.buttons.length === 1 && m.buttons[0].title === 'Confirm')).toBe(true);

      // No reload: the same document all along, no load event since the submit.
      expect(await documentMarked(page)).toBe(true);
      expect(loads).toBe(0);
      expect(session!.pageErrors).toEqual([]);
    });
  });

  it("on the sandbox, shows the simulated customers' delivery, read and reply live, without reload", async () => {
    const operator = await newOperator('Sandra Operator', ALWAYS_REPLYING_SANDBOX);
    const phones = [30, 31, 32].map(phoneAt);
    const created = await t.http<Job>('POST', '/api/bulk/jobs', {
      token: operator.token,
      body: { name: 'Sandbox job', body: 'Is Tuesday fine?', buttons: [{ id: 'yes', title: 'Yes' }, { id: 'no', title: 'No' }], recipients: phones.map((phone) => ({ phone })) },
    });
    expect(created.status).toBe(201);
    const jobId = created.body.id;
    session = await openBrowser(t.baseUrl);
    const { page } = session;

    await withScreenshot(page, 'job-flow-sandbox-replies', async () => {
      await signIn(page, { email: operator.user.email, password: operator.password });
      await page.locator(`[data-testid="job-row"][data-job-id="${jobId}"]`).getByTestId('job-link').click();
      await page.waitForURL((url) => url.pathname === `/outbox/${jobId}`);
      await poll('the job rows', () => readRows(page), (rows) => rows.length === phones.length);
      await markDocument(page);

      // Delivered, read and replied take up to ~12 s of simulated customer time.
      const final = await poll(
        'every row to show its reply, as the server has it',
        async () => ({ page: await readLive(page), replied: await pillCount(page, 'replied'), server: await messagesOf(operator.token, jobId) }),
        ({ page: v, replied, server }) =>
          replied === phones.length &&
          v.rows.length === phones.length &&
          server.every((m) => m.status === 'replied' && m.lastReply) &&
          v.rows.every((r) => {
            const m = server.find((s) => s.phone === r.phone);
            return !!m && r.status === 'replied' && r.messageId === m.messageId && r.messageIdCell === m.messageId && r.lastReply.includes(m.lastReply!.display);
          }),
        { timeoutMs: 40_000 },
      );
      expect(final.page.connection).toBe('live');
      expect(final.page.rows.every((r) => r.statusCell === 'Replied' && r.messageId!.startsWith('sbx_'))).toBe(true);
      for (const status of ['queued', 'pending', 'sent', 'delivered', 'read', 'failed']) expect(await pillCount(page, status)).toBe(0);
      expect(await documentMarked(page)).toBe(true);
      expect(session!.pageErrors).toEqual([]);
    });
  }, 90_000);

  it('updates the rows live while a paced job is being sent', async () => {
    // 1 message a second: the last rows are sent well after the page has loaded them, so
    // only a live update (the socket) can turn them Sent without a reload.
    const operator = await newOperator('Paced Operator', fakeChannel(1));
    const phones = [10, 11, 12, 13, 14, 15].map(phoneAt);
    session = await openBrowser(t.baseUrl);
    const { page } = session;

    await withScreenshot(page, 'job-flow-live', async () => {
      await signIn(page, { email: operator.user.email, password: operator.password });
      const created = await t.http<Job>('POST', '/api/bulk/jobs', {
        token: operator.token,
        body: { name: 'Paced job', body: 'One at a time.', recipients: phones.map((phone) => ({ phone })) },
      });
      expect(created.status).toBe(201);
      const jobId = created.body.id;

      await page.goto(`/outbox/${jobId}`);
      const first = await poll('the job rows', () => readRows(page), (rows) => rows.length === phones.length);
      await markDocument(page);
      // Rows not yet sent when the page showed them (6 at 1/s take ≥ 5 s).
      expect(first.filter((r) => r.status !== 'sent').length).toBeGreaterThan(0);

      const last = await poll('every row to turn Sent live', () => readLive(page), (v) => allSent(v.rows, phones.length) && v.sent === phones.length, { timeoutMs: 30_000 });
      expect(last.connection).toBe('live');
      expect(await documentMarked(page)).toBe(true);
      expect(session!.socketFrames.some((f) => f.includes('job.messages'))).toBe(true);
      expect(session!.pageErrors).toEqual([]);
    });
  }, 90_000);

  it("shows the server's validation problems on the compose page next to the recipients", async () => {
    const operator = await newOperator('Vera Operator');
    session = await openBrowser(t.baseUrl);
    const { page } = session;

    await withScreenshot(page, 'job-flow-validation', async () => {
      await signIn(page, { email: operator.user.email, password: operator.password });
      await page.getByTestId('new-job').click();
      await page.waitForURL((url) => url.pathname === '/outbox/new');

      await page.getByTestId('compose-recipients').fill(`${phoneAt(20)}\n12`);
      await page.getByTestId('compose-body').fill('Hello there');
      await poll('the recipient count', () => page.getByTestId('recipients-count').getAttribute('data-count'), (c) => c === '2');
      await page.getByTestId('compose-submit').click();

      // Under the recipients field, on the line the bad number came from.
      const problems = page.getByTestId('recipients-problems');
      await problems.waitFor();
      const text = await problems.innerText();
      expect(text).toContain('Line 2 (12)');
      expect(text).toMatch(/not a valid international phone number/);
      expect(await page.locator('fieldset:has([data-testid="compose-recipients"]) [data-testid="recipients-problems"]').count()).toBe(1);

      // And in the summary above the form, with its path.
      const summary = page.getByTestId('form-problem');
      expect(await summary.count()).toBeGreaterThanOrEqual(1);
      expect(await summary.first().getAttribute('data-path')).toMatch(/^recipients[.[/]1/);

      // Still on the form, with what was typed; no job was created.
      expect(new URL(page.url()).pathname).toBe('/outbox/new');
      expect(await page.getByTestId('compose-recipients').inputValue()).toBe(`${phoneAt(20)}\n12`);
      const res = (await session!.settled()).find((r) => r.method === 'POST' && r.path === '/api/bulk/jobs');
      expect(res?.status).toBe(400);
      const jobs = await t.http<Job[]>('GET', '/api/bulk/jobs', { token: operator.token });
      expect(jobs.body).toEqual([]);
      expect(session!.pageErrors).toEqual([]);
    });
  });
});
