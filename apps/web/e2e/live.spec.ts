/**
 * Job Details live, in a real browser against the real app: provider webhooks posted
 * from Node (signed, in the spec's format) change the rows, the pills and the reply
 * breakdown on an open page without a reload; another operator's page never receives
 * any of it; a page that lost its connection says so and, once back, refetches what it
 * shows; and a screenshot of a job mid-send.
 *
 * Operators come from sentGenericJob (a local fake `generic` provider that accepts at
 * once and never calls back, so rows stay Sent until a webhook says otherwise). It signs
 * the operator in with a generated password; the `createUser` it is given is wrapped to
 * keep that password, so each test signs in through the login page like a person.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { MESSAGE_STATUSES, type Job, type Message, type MessagePage, type MessageStatus } from '@bluetick/contracts';
import {
  eventually,
  onApp,
  phoneAt,
  postSigned,
  sentGenericJob,
  startFakeProvider,
  startTestApp,
  type FakeProvider,
  type TestApp,
  type TrackedJob,
} from '@bluetick/api/testing';
import type { Page } from 'playwright-core';
import { findLeaks, openBrowser, poll, screenshot, SCREENSHOT_DIR, signIn, withScreenshot, type BrowserSession } from './browser';

/** How soon a webhook must show on an open Job Details page. */
const LIVE_WITHIN_MS = 2_000;

// ---- The spec's webhook payloads (shared/fixtures/spec), one event per POST ----

const unixNow = () => Math.floor(Date.now() / 1000);
const eventId = () => `evt_${randomBytes(6).toString('hex')}`;
const statusWebhook = (messageId: string, status: 'delivered' | 'read' | 'failed', reason?: string) => ({
  event_id: eventId(),
  messages: [{ message_id: messageId, type: 'status', status, timestamp: unixNow(), ...(reason && { error: { code: 'undeliverable', message: reason } }) }],
});
const buttonReplyWebhook = (messageId: string, id: string, title: string) => ({
  event_id: eventId(),
  messages: [{ message_id: messageId, type: 'reply', reply: { type: 'buttons_reply', buttons_reply: { id, title } }, timestamp: unixNow() }],
});
const textReplyWebhook = (messageId: string, body: string) => ({
  event_id: eventId(),
  messages: [{ message_id: messageId, type: 'text', text: { body }, timestamp: unixNow() }],
});

// ---- What the page shows ----

interface RowView {
  messageId: string;
  status: string | null;
  statusCell: string;
  failureReason: string | null;
  lastReply: string;
  lastReplyDisplay: string | null;
}

interface JobPageView {
  rows: RowView[];
  pills: Record<MessageStatus, number>;
  /** Reply breakdown: bar key → count. */
  bars: Record<string, number>;
  connection: string | null;
}

/**
 * Rows, pills, reply bars and the live indicator, read in one go: one evaluate runs in one
 * task, so it never sees half of a render (rows of one push, pills of the previous one).
 */
const readJobPage = (page: Page): Promise<JobPageView> =>
  page.evaluate((statuses) => {
    const text = (el: Element | null | undefined) => (el as HTMLElement | null)?.innerText.trim() ?? null;
    const rows = [...document.querySelectorAll('[data-testid="message-row"]')].map((row) => {
      const el = (id: string) => row.querySelector(`[data-testid="${id}"]`);
      return {
        messageId: row.getAttribute('data-message-id') ?? '',
        status: row.getAttribute('data-status'),
        // The badge alone: a failed row's reason sits in the same cell, below it.
        statusCell: (text(el('status-cell')) ?? '').split('\n')[0].trim(),
        failureReason: text(el('failure-reason')),
        lastReply: text(el('last-reply-cell')) ?? '',
        lastReplyDisplay: text(el('last-reply-display')),
      };
    });
    const pills = Object.fromEntries(
      statuses.map((s) => [s, Number(document.querySelector(`[data-testid="stats-pills"] [data-testid="pill-${s}"]`)?.getAttribute('data-count') ?? NaN)]),
    );
    const bars = Object.fromEntries(
      [...document.querySelectorAll('[data-testid="reply-bar"]')].map((b) => [b.getAttribute('data-key') ?? '', Number(b.getAttribute('data-count'))]),
    );
    const connection = document.querySelector('[data-testid="connection-status"]')?.getAttribute('data-state') ?? null;
    return { rows, pills, bars, connection } as JobPageView;
  }, [...MESSAGE_STATUSES]);

const readRows = async (page: Page) => (await readJobPage(page)).rows;
const readPills = async (page: Page) => (await readJobPage(page)).pills;
const connectionState = (page: Page) => page.getByTestId('connection-status').getAttribute('data-state');

/** How many rows the table shows in each status. */
const countStatuses = (rows: RowView[]) => {
  const counts = Object.fromEntries(MESSAGE_STATUSES.map((s) => [s, 0])) as Record<MessageStatus, number>;
  for (const r of rows) counts[r.status as MessageStatus] += 1;
  return counts;
};

/** Whether every pill equals the number of rows shown in its status. */
const sameCounts = (v: JobPageView) => {
  const counts = countStatuses(v.rows);
  return MESSAGE_STATUSES.every((s) => v.pills[s] === counts[s]);
};

/**
 * Watches for any full load or main-frame navigation from now on: a reload drops the
 * document's mark, fires `load` and navigates the main frame.
 */
async function watchNavigation(page: Page) {
  const url = page.url();
  const events: string[] = [];
  page.on('load', () => events.push('load'));
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) events.push(`navigated to ${frame.url()}`);
  });
  await page.evaluate(() => ((window as unknown as { __bluetickMark: boolean }).__bluetickMark = true));
  return async () => ({
    events,
    sameUrl: page.url() === url,
    sameDocument: await page.evaluate(() => (window as unknown as { __bluetickMark?: boolean }).__bluetickMark === true),
  });
}

/**
 * How many times the page's socket has joined a job's room, acknowledged by the server
 * (`job:subscribe` sent with an ack id, `{ok: true}` received for it). Listens from the
 * page's first WebSocket on: call it before signing in.
 */
function watchJobJoins(page: Page) {
  const subscribes = new Map<string, string>(); // ack id → job id
  const acked: string[] = [];
  page.on('websocket', (ws) => {
    ws.on('framesent', ({ payload }) => {
      const m = /^42(\d+)\["job:subscribe",\{"jobId":"([^"]+)"\}\]/.exec(String(payload));
      if (m) subscribes.set(m[1], m[2]);
    });
    ws.on('framereceived', ({ payload }) => {
      const m = /^43(\d+)\[\{"ok":true\}\]/.exec(String(payload));
      const jobId = m && subscribes.get(m[1]);
      if (jobId) acked.push(jobId);
    });
  });
  return (jobId: string) => acked.filter((id) => id === jobId).length;
}

describe('browser: Job Details live', () => {
  let t: TestApp;
  const sessions: BrowserSession[] = [];
  const fakes: FakeProvider[] = [];

  /** sentGenericJob, keeping the operator's password so the test can sign in on the login page. */
  const operatorWithSentJob = async (recipients: number) => {
    let created: Awaited<ReturnType<TestApp['createUser']>> | undefined;
    const job = await sentGenericJob({ ...t, createUser: async (input) => (created = await t.createUser(input)) }, recipients);
    fakes.push(job.fake);
    return { ...job, credentials: { email: created!.user.email, password: created!.password } };
  };

  const open = async () => {
    const session = await openBrowser(t.baseUrl);
    sessions.push(session);
    return { ...session, joins: watchJobJoins(session.page) };
  };

  const post = async (job: Pick<TrackedJob, 'bulkUrl' | 'secret'>, body: unknown) => {
    const res = await postSigned(job.bulkUrl, job.secret, body);
    expect(res.status).toBe(200);
  };

  const messagesOf = async (token: string, jobId: string) => {
    const res = await t.http<MessagePage>('GET', `/api/bulk/jobs/${jobId}/messages?limit=100`, { token });
    expect(res.status).toBe(200);
    return res.body.items;
  };

  /**
   * Outbox → the job's card → Job Details, with every row loaded and Sent and the job's
   * room joined (a push before the join would reach no one: that is not what is tested).
   */
  const openJobDetails = async ({ page, joins }: { page: Page; joins: (jobId: string) => number }, jobId: string, rows: number) => {
    await page.locator(`[data-testid="job-row"][data-job-id="${jobId}"]`).getByTestId('job-link').click();
    await page.waitForURL((url) => url.pathname === `/outbox/${jobId}`);
    await poll("the job's room joined", async () => joins(jobId), (n) => n >= 1);
    return poll(
      `the ${rows} rows Sent, and the socket live`,
      () => readJobPage(page),
      (v) => v.rows.length === rows && v.rows.every((r) => r.status === 'sent' && r.messageId) && v.pills.sent === rows && v.connection === 'live',
    );
  };

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterEach(async () => {
    while (sessions.length) await sessions.pop()!.close();
  });

  afterAll(async () => {
    await t?.close();
    await Promise.all(fakes.map((f) => f.close()));
  });

  it('shows delivered, read, a button reply, a text reply and a failure live on every row, the pills and the reply bars', async () => {
    const job = await operatorWithSentJob(5);
    const ids = job.messageIds;
    const reason = 'Recipient phone number is not on WhatsApp (131026)';
    const text = 'Thanks for the reminder! Could we move it to Thursday afternoon, ideally after 3 pm? My car is in the garage.';
    expect(text.length).toBeGreaterThan(80);

    const session = await open();
    const { page } = session;
    await withScreenshot(page, 'live-job-details-webhooks', async () => {
      await signIn(page, job.credentials);
      const before = await openJobDetails(session, job.jobId, 5);
      expect(before.rows.map((r) => r.messageId).sort()).toEqual([...ids].sort());
      expect(before.rows.every((r) => r.statusCell === 'Sent' && r.lastReply === '—' && r.failureReason === null)).toBe(true);
      expect(before.bars).toEqual({ confirm: 0, reschedule: 0, cancel: 0 });
      const navigation = await watchNavigation(page);
      const framesBefore = session.socketFrames.length;
      const requestsBefore = session.requests.length;

      // Five webhooks, as a provider would post them.
      const posted = Date.now();
      await Promise.all([
        post(job, statusWebhook(ids[0], 'delivered')),
        post(job, statusWebhook(ids[1], 'read')),
        post(job, buttonReplyWebhook(ids[2], 'reschedule', 'Reschedule')),
        post(job, textReplyWebhook(ids[3], text)),
        post(job, statusWebhook(ids[4], 'failed', reason)),
      ]);
      const accepted = Date.now();

      const expected: Record<string, Partial<RowView>> = {
        [ids[0]]: { status: 'delivered', statusCell: 'Delivered', lastReply: '—', failureReason: null },
        [ids[1]]: { status: 'read', statusCell: 'Read', lastReply: '—', failureReason: null },
        [ids[2]]: { status: 'replied', statusCell: 'Replied', lastReplyDisplay: 'Reschedule', failureReason: null },
        [ids[3]]: { status: 'replied', statusCell: 'Replied', lastReplyDisplay: `${text.slice(0, 60)}…`, failureReason: null },
        [ids[4]]: { status: 'failed', statusCell: 'Failed', lastReply: '—', failureReason: reason },
      };
      const matches = (row: RowView) => Object.entries(expected[row.messageId] ?? {}).every(([k, v]) => row[k as keyof RowView] === v);
      const after = await poll(
        `every row, pill and the Reschedule bar updated within ${LIVE_WITHIN_MS} ms of the webhooks`,
        () => readJobPage(page),
        (v) => v.rows.length === 5 && v.rows.every(matches) && sameCounts(v) && v.bars.reschedule === 1,
        { timeoutMs: Math.max(0, LIVE_WITHIN_MS - (Date.now() - accepted)), intervalMs: 50 },
      );
      const shownAfterMs = Date.now() - posted;
      console.info(`live: 5 webhooks shown on the page ${shownAfterMs} ms after posting (posting took ${accepted - posted} ms)`);

      // The text reply shows its first 60 characters, the button its title.
      const byId = new Map(after.rows.map((r) => [r.messageId, r]));
      expect(byId.get(ids[3])!.lastReply).toContain(text.slice(0, 60));
      expect(byId.get(ids[3])!.lastReply).not.toContain(text.slice(60, 75));
      expect(byId.get(ids[2])!.lastReply).toContain('Reschedule');

      // The pills are the table's own counts.
      expect(after.pills).toEqual(countStatuses(after.rows));
      expect(after.pills).toEqual({ queued: 0, pending: 0, sent: 0, delivered: 1, read: 1, failed: 1, replied: 2 });
      expect(after.bars.reschedule).toBe(1);
      expect(after.bars.confirm).toBe(0);
      expect(after.bars.cancel).toBe(0);
      expect(after.connection).toBe('live');

      // As the server has them.
      const server = await messagesOf(job.token, job.jobId);
      for (const m of server) expect(byId.get(m.messageId!)!.status).toBe(m.status);

      // Pushed over the socket, not fetched again: every changed id came in a frame, the table was not refetched.
      const frames = session.socketFrames.slice(framesBefore);
      for (const id of ids) expect(frames.some((f) => f.includes('job.messages') && f.includes(id))).toBe(true);
      const refetched = session.requests.slice(requestsBefore).filter((r) => r.includes(`/api/bulk/jobs/${job.jobId}/messages`));
      expect(refetched).toEqual([]);

      // The button row's full payload: on hover (the chip's title) and in the dialog it opens.
      const buttonRow = page.locator(`[data-testid="message-row"][data-message-id="${ids[2]}"]`);
      const chip = buttonRow.getByTestId('last-reply-button');
      const stored = server.find((m) => m.messageId === ids[2])!.lastReply!;
      expect(stored.payload).toBeTruthy();
      const payloadJson = JSON.stringify(stored.payload, null, 2);
      expect(payloadJson).toContain('buttons_reply');
      expect(payloadJson).toContain('"reschedule"');
      await chip.hover();
      expect(await chip.getAttribute('title')).toBe(payloadJson);
      expect(await chip.getAttribute('data-reply-type')).toBe('buttons_reply');
      await chip.click();
      const dialog = page.getByTestId('reply-payload-dialog');
      await dialog.getByTestId('reply-payload').waitFor();
      expect(await dialog.getByTestId('reply-payload').innerText()).toBe(payloadJson);
      expect(JSON.parse(await dialog.getByTestId('reply-payload').innerText())).toEqual(stored.payload);
      expect(await dialog.innerText()).toContain('Reschedule');
      await dialog.getByTestId('modal-close').click();
      await poll('the payload dialog closed', () => page.getByTestId('reply-payload-dialog').count(), (n) => n === 0);

      // No reload, no navigation, all along.
      expect(await navigation()).toEqual({ events: [], sameUrl: true, sameDocument: true });
      expect(session.pageErrors).toEqual([]);
    });
  });

  it("a second operator's page never receives the first operator's events", async () => {
    const first = await operatorWithSentJob(3);
    const second = await operatorWithSentJob(2);
    const text = `Only for the first operator ${randomBytes(4).toString('hex')}`;

    const one = await open();
    const two = await open();
    await withScreenshot(two.page, 'live-second-operator-outbox', async () => {
      await signIn(one.page, first.credentials);
      await openJobDetails(one, first.jobId, 3);

      // The second operator on their own Outbox, live, with their own job.
      await signIn(two.page, second.credentials);
      const ownCard = two.page.locator(`[data-testid="job-row"][data-job-id="${second.jobId}"]`);
      await ownCard.waitFor();
      expect(await two.page.locator('[data-testid="job-row"]').count()).toBe(1);
      await poll('the second page live', () => connectionState(two.page), (s) => s === 'live');

      // The first operator's job changes; the first page shows it.
      await post(first, statusWebhook(first.messageIds[0], 'delivered'));
      await post(first, buttonReplyWebhook(first.messageIds[1], 'confirm', 'Confirm'));
      await post(first, textReplyWebhook(first.messageIds[2], text));
      await poll(
        'the first page to show the 3 changes',
        () => readJobPage(one.page),
        (v) => v.pills.delivered === 1 && v.pills.replied === 2 && v.rows.filter((r) => r.status === 'replied').length === 2,
      );

      // Then the second operator's own job changes: their page gets that, live — so their socket
      // was up and delivering, in order, after the first operator's events had been pushed.
      await post(second, statusWebhook(second.messageIds[0], 'delivered'));
      await poll('the second operator\'s own card: Delivered 1', () => ownCard.getByTestId('pill-delivered').getAttribute('data-count'), (c) => c === '1');
      await new Promise((resolve) => setTimeout(resolve, 750));

      const needles = [
        { label: "the first operator's job id", value: first.jobId },
        ...first.messageIds.map((id, i) => ({ label: `the first operator's message id #${i}`, value: id })),
        { label: "the first operator's customer's reply", value: text },
      ];
      // The first page did receive every one of them…
      const firstFrames = one.socketFrames.join('\n');
      for (const needle of needles) expect({ needle: needle.label, received: firstFrames.includes(needle.value) }).toEqual({ needle: needle.label, received: true });
      // …the second received frames of its own…
      expect(two.socketFrames.some((f) => f.includes('outbox.jobs') && f.includes(second.jobId))).toBe(true);
      // …and none of the first operator's: no frame, no response, nothing on the page.
      const responses = await two.settled();
      const haystacks = [
        ...two.socketFrames.map((text, i) => ({ label: `second page socket frame #${i}`, text })),
        ...responses.filter((r) => r.body !== null).map((r) => ({ label: `second page response ${r.method} ${r.path}`, text: r.body! })),
        { label: 'second page HTML', text: await two.page.content() },
      ];
      expect(findLeaks(haystacks, needles)).toEqual([]);
      expect(one.pageErrors).toEqual([]);
      expect(two.pageErrors).toEqual([]);
    });
  });

  it('says it is reconnecting when offline, and once back live shows what changed meanwhile', async () => {
    const job = await operatorWithSentJob(2);
    const session = await open();
    const { page, context } = session;

    await withScreenshot(page, 'live-reconnected', async () => {
      await signIn(page, job.credentials);
      await openJobDetails(session, job.jobId, 2);
      const navigation = await watchNavigation(page);

      await context.setOffline(true);
      await poll('the indicator to say reconnecting', () => connectionState(page), (s) => s === 'reconnecting');
      expect((await page.getByTestId('connection-status').innerText()).trim()).toBe('Reconnecting…');

      // A customer taps Confirm while the page is offline; the server applies it…
      await post(job, buttonReplyWebhook(job.messageIds[0], 'confirm', 'Confirm'));
      await eventually(async () => (await messagesOf(job.token, job.jobId)).find((m: Message) => m.messageId === job.messageIds[0])?.status === 'replied', 10_000, 'the server to apply the reply');
      // …and the page cannot know yet (the push went nowhere; several flushes have passed).
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const offline = await readJobPage(page);
      expect(offline.connection).toBe('reconnecting');
      expect(offline.rows.find((r) => r.messageId === job.messageIds[0])!.status).toBe('sent');
      expect(offline.pills.replied).toBe(0);

      const requestsBefore = session.requests.length;
      await context.setOffline(false);
      const back = await poll(
        'the indicator live again and the row Replied with Confirm',
        () => readJobPage(page),
        (v) => {
          const row = v.rows.find((r) => r.messageId === job.messageIds[0]);
          return v.connection === 'live' && sameCounts(v) && row?.status === 'replied' && row.statusCell === 'Replied' && row.lastReplyDisplay === 'Confirm' && v.pills.replied === 1 && v.bars.confirm === 1;
        },
      );
      expect(back.pills).toEqual(countStatuses(back.rows));
      expect((await page.getByTestId('connection-status').innerText()).trim()).toBe('Live');
      // Fetched again (a missed push is never replayed), in the same document.
      const refetched = session.requests.slice(requestsBefore);
      expect(refetched).toContain(`GET /api/bulk/jobs/${job.jobId}`);
      expect(refetched.some((r) => r.startsWith(`GET /api/bulk/jobs/${job.jobId}/messages`))).toBe(true);
      expect(await navigation()).toEqual({ events: [], sameUrl: true, sameDocument: true });

      // And live again once the room is joined anew: a new event arrives without another refetch.
      await poll("the job's room joined again", async () => session.joins(job.jobId), (n) => n >= 2);
      const requestsLive = session.requests.length;
      await post(job, statusWebhook(job.messageIds[1], 'read'));
      await poll('the second row Read, live', () => readRows(page), (rows) => rows.find((r) => r.messageId === job.messageIds[1])?.status === 'read', { timeoutMs: 5_000 });
      expect(session.requests.slice(requestsLive).filter((r) => r.includes('/messages'))).toEqual([]);
      expect(session.pageErrors).toEqual([]);
    });
  });

  it('screenshot: Job Details mid-job, paced at 2 messages a second, with replies coming in', async () => {
    // Its own operator: sentGenericJob's channel sends at 10,000/s and waits for the job to finish.
    const fake = await startFakeProvider('generic');
    fakes.push(fake);
    const operator = await t.createUser({ name: 'Maya Midjob' });
    const patched = await t.http('PATCH', `/api/admin/users/${operator.user.id}`, {
      token: t.adminToken,
      body: { channel: { provider: 'generic', config: { baseUrl: fake.baseUrl, token: fake.token }, rateLimitPerSecond: 2 } },
    });
    expect(patched.status).toBe(200);
    const hook = { bulkUrl: onApp(t.baseUrl, patched.body.webhooks.bulk.url), secret: patched.body.webhooks.bulk.secret as string };
    const phones = Array.from({ length: 12 }, (_, i) => phoneAt(100 + i));

    const session = await open();
    const { page } = session;
    const file = path.join(SCREENSHOT_DIR, 'job-details-mid-job.png');
    fs.rmSync(file, { force: true });
    let jobId = '';

    await withScreenshot(page, 'job-details-mid-job', async () => {
      await signIn(page, { email: operator.user.email, password: operator.password });
      const created = await t.http<Job>('POST', '/api/bulk/jobs', {
        token: operator.token,
        body: {
          name: 'Dental check-up reminders — March',
          body: 'Hi! Your dental check-up is tomorrow at {{time}}. Please confirm or reschedule.',
          buttons: [{ id: 'confirm', title: 'Confirm' }, { id: 'reschedule', title: 'Reschedule' }, { id: 'cancel', title: 'Cancel' }],
          recipients: phones.map((phone, i) => ({ phone, variables: { time: `${9 + (i % 8)}:00` } })),
        },
      });
      expect(created.status).toBe(201);
      const createdAt = Date.now();
      jobId = created.body.id;
      await page.goto(`/outbox/${jobId}`);
      await poll('the 12 rows', () => readRows(page), (rows) => rows.length === 12);
      await poll("the job's room joined", async () => session.joins(jobId), (n) => n >= 1);

      // The first three customers answer as soon as their messages are out.
      const sentIds = await eventually(async () => {
        const sent = (await messagesOf(operator.token, jobId)).filter((m) => m.messageId);
        return sent.length >= 3 && sent.slice(0, 3).map((m) => m.messageId!);
      }, 10_000, 'three messages sent');
      await Promise.all([
        post(hook, buttonReplyWebhook(sentIds[0], 'confirm', 'Confirm')),
        post(hook, textReplyWebhook(sentIds[1], 'Can we do Friday instead? Mornings are hard with the kids at home.')),
        post(hook, statusWebhook(sentIds[2], 'read')),
      ]);
      const mid = await poll(
        'the replies shown while the job is still sending',
        () => readJobPage(page),
        // Pills and rows may differ for the moment between a push's two frames (job.messages, then job.stats).
        (v) => v.pills.replied === 2 && v.pills.read === 1 && v.bars.confirm === 1 && v.rows.length === 12 && sameCounts(v),
        { timeoutMs: 5_000 },
      );
      console.info(`mid-job: replies shown ${Date.now() - createdAt} ms after the job was created; ${mid.pills.queued} queued, ${mid.pills.pending} pending`);
      expect(mid.pills.queued + mid.pills.pending).toBeGreaterThanOrEqual(2);
      expect(mid.pills).toEqual(countStatuses(mid.rows));
    });
    // The picture was taken mid-job: rows were still waiting right after it.
    const afterShot = await readPills(page);
    expect(afterShot.queued + afterShot.pending).toBeGreaterThan(0);
    expect(fs.statSync(file).size).toBeGreaterThan(10_000);

    // And the job does finish, live: every row out, the replies kept.
    const done = await poll(
      'every row sent and the job completed',
      async () => ({ ...(await readJobPage(page)), state: (await t.http<Job>('GET', `/api/bulk/jobs/${jobId}`, { token: operator.token })).body.state }),
      (v) => v.pills.queued === 0 && v.pills.pending === 0 && v.pills.sent === 9 && v.pills.replied === 2 && v.pills.read === 1 && v.state === 'completed',
      { timeoutMs: 30_000 },
    );
    expect(done.connection).toBe('live');
    await screenshot(page, 'job-details-completed');
    expect(session.pageErrors).toEqual([]);
  }, 90_000);
});
