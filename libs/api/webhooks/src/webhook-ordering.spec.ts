import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { MessageStatus } from '@bluetick/contracts';
import { normaliseSpecWebhook } from '@bluetick/providers';
import { applyTrackingEvent, initialTrackingState, replyKey, toLastReplyDto, toTrackingEvent, type MessageTrackingState } from '@bluetick/tracking';
import {
  eventually,
  phoneAt,
  postRaw,
  postSigned,
  sentGenericJob,
  startTestApp,
  storedBulkEvents,
  type TestApp,
  type TrackedJob,
} from '@bluetick/api/testing';

/*
 * Providers never promise order, retry at will, and our instances share one database:
 * whatever order, duplication and split across instances events arrive in, each row must
 * end exactly where libs/tracking's pure state machine puts it when the same unique events
 * are applied once, in time order — and the counters must still be a GROUP BY.
 */

const BUTTONS = [
  { id: 'confirm', title: 'Confirm' },
  { id: 'reschedule', title: 'Reschedule' },
  { id: 'cancel', title: 'Cancel' },
];
const LIST_ROWS = [
  { id: 'r1', title: 'Morning' },
  { id: 'r2', title: 'Evening' },
];
const MESSAGES_PER_JOB = 10;

type EventSpec =
  | { kind: 'status'; status: 'sent' | 'delivered' | 'read' | 'failed'; offset: number; reason: string | null }
  | { kind: 'button'; button: number; offset: number }
  | { kind: 'list'; row: number; offset: number }
  /** byPhone: no message_id, only `from` — matched to the newest message sent to that phone. */
  | { kind: 'text'; byPhone: boolean; offset: number };

/** Seconds after (or just before) the message was sent; a narrow range so that ties happen. */
const offsetArb = fc.integer({ min: -3, max: 30 });
const eventSpecArb: fc.Arbitrary<EventSpec> = fc.oneof(
  fc.record({
    kind: fc.constant('status' as const),
    status: fc.constantFrom('sent' as const, 'delivered' as const, 'read' as const, 'failed' as const),
    offset: offsetArb,
    reason: fc.option(fc.constantFrom('blocked by recipient', 'expired'), { nil: null }),
  }),
  fc.record({ kind: fc.constant('button' as const), button: fc.integer({ min: 0, max: BUTTONS.length - 1 }), offset: offsetArb }),
  fc.record({ kind: fc.constant('list' as const), row: fc.integer({ min: 0, max: LIST_ROWS.length - 1 }), offset: offsetArb }),
  fc.record({ kind: fc.constant('text' as const), byPhone: fc.boolean(), offset: offsetArb }),
);
const scenarioArb = fc.record({
  perMessage: fc.array(fc.array(eventSpecArb, { maxLength: 6 }), { minLength: MESSAGES_PER_JOB, maxLength: MESSAGES_PER_JOB }),
  /** Drives the shuffling, batching, duplication and the instance each POST goes to. */
  seed: fc.integer(),
});

/** A small seeded PRNG (mulberry32), so a failing scenario replays exactly. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let r = Math.imul(a ^ (a >>> 15), 1 | a);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}
function shuffle<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

interface Row {
  messageId: string;
  phone: string;
  sentAt: string;
}

/** The spec-format item for one generated event. */
function specItem(spec: EventSpec, row: Row, label: string): Record<string, unknown> {
  const timestamp = Math.floor(Date.parse(row.sentAt) / 1000) + spec.offset;
  switch (spec.kind) {
    case 'status':
      return { message_id: row.messageId, type: 'status', status: spec.status, timestamp, ...(spec.reason ? { error: { code: 'E1', message: spec.reason } } : {}) };
    case 'button': {
      const b = BUTTONS[spec.button];
      return { message_id: row.messageId, type: 'reply', reply: { type: 'buttons_reply', buttons_reply: { id: `ButtonsV3:${b.id}`, title: b.title } }, timestamp };
    }
    case 'list': {
      const r = LIST_ROWS[spec.row];
      return { message_id: row.messageId, type: 'reply', reply: { type: 'list_reply', list_reply: { id: `ListV3:${r.id}`, title: r.title } }, timestamp };
    }
    case 'text':
      // Unique text per event: two replies at the same second then differ before their raw payloads do.
      return spec.byPhone
        ? { from: `+${row.phone}`, type: 'text', text: { body: `reply ${label}` }, timestamp }
        : { message_id: row.messageId, type: 'text', text: { body: `reply ${label}` }, timestamp };
  }
}

/** What the pure state machine says a row ends as: its sent state, then its events once each, in time order. */
function expectedState(row: Row, items: Array<Record<string, unknown>>): MessageTrackingState {
  const events = items
    .map((item) => toTrackingEvent(normaliseSpecWebhook({ event_id: 'x', messages: [item] }, null)[0] as any, new Date())!)
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  let state: MessageTrackingState = { ...initialTrackingState(), status: MessageStatus.Sent, sentAt: new Date(row.sentAt) };
  for (const event of events) state = applyTrackingEvent(state, event).state;
  return state;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const asApi = (s: MessageTrackingState) => ({
  status: s.status,
  sentAt: iso(s.sentAt),
  deliveredAt: iso(s.deliveredAt),
  readAt: iso(s.readAt),
  failedAt: iso(s.failedAt),
  repliedAt: iso(s.repliedAt),
  failureReason: s.failureReason,
  lastReply: toLastReplyDto(s.lastReply),
});
const pick = (m: any) => ({
  status: m.status,
  sentAt: m.sentAt,
  deliveredAt: m.deliveredAt,
  readAt: m.readAt,
  failedAt: m.failedAt,
  repliedAt: m.repliedAt,
  failureReason: m.failureReason,
  lastReply: m.lastReply,
});

/**
 * A `generic` Send API (api.md) that holds every request until released, then answers
 * with the message_id chosen for each recipient: lets a test deliver a webhook for an id
 * while the send that will return it is still in flight.
 */
async function startHeldGenericProvider(idFor: (to: string) => string) {
  const token = 'tok_held_provider';
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const arrivals: string[][] = [];
  let onArrival: (() => void) | null = null;
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', async () => {
      if (req.headers.authorization !== `Bearer ${token}`) {
        res.writeHead(401, { 'content-type': 'application/json' });
        return res.end('{"error":{"message":"bad token"}}');
      }
      const body = JSON.parse(raw) as { messages: Array<{ to: string }> };
      arrivals.push(body.messages.map((m) => m.to));
      onArrival?.();
      await released;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ messages: body.messages.map((m) => ({ message_id: idFor(m.to), to: m.to, status: 'sent', timestamp: Math.floor(Date.now() / 1000) })) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    token,
    arrivals,
    release,
    /** Resolves once `n` recipients' requests are in flight. */
    inFlight: (n: number) =>
      new Promise<void>((resolve) => {
        const check = () => arrivals.flat().length >= n && resolve();
        onArrival = check;
        check();
      }),
    close: () => {
      release();
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('webhook events in any order, duplicated, across two instances', () => {
  let t1: TestApp;
  let t2: TestApp;
  const jobs: TrackedJob[] = [];

  beforeAll(async () => {
    // A send held by a test must not hit the sender's timeout.
    t1 = await startTestApp({ sendTimeoutMs: 15_000 });
    t2 = await startTestApp({ databaseUrl: t1.config.databaseUrl, jwtSecret: t1.config.jwtSecret, sendTimeoutMs: 15_000 });
  });
  afterAll(async () => {
    for (const job of jobs) await job.fake.close();
    await t2?.close();
    await t1?.close();
  });

  const settledFor = (userId: string) =>
    eventually(async () => {
      const events = await storedBulkEvents(t1.config.databaseUrl, userId);
      return events.every((e) => e.outcome !== 'pending') && events;
    }, 30_000, 'no event pending');

  it('ends every row in the state the pure state machine gives, with counters equal to a GROUP BY', async () => {
    let run = 0;
    let serverErrors = 0;
    await fc.assert(
      fc.asyncProperty(scenarioArb, async ({ perMessage, seed }) => {
        run += 1;
        const random = prng(seed);
        const job = await sentGenericJob(t1, MESSAGES_PER_JOB, BUTTONS);
        jobs.push(job);
        const initial = (await t1.http('GET', `/api/bulk/jobs/${job.jobId}/messages?limit=500`, { token: job.token })).body.items as any[];
        const rows: Row[] = job.messageIds.map((messageId) => {
          const m = initial.find((x) => x.messageId === messageId);
          expect(m).toMatchObject({ status: 'sent' });
          return { messageId, phone: m.phone, sentAt: m.sentAt };
        });

        // Every unique event, with the row it is about.
        const unique = perMessage.flatMap((specs, i) => specs.map((spec, j) => ({ row: i, item: specItem(spec, rows[i], `${run}.${i}.${j}`) })));
        // Shuffled, batched 1–3 per POST (each POST its own event_id), some POSTs repeated, each copy to either instance.
        const shuffled = shuffle(unique, random);
        const posts: Array<{ body: unknown; items: number }> = [];
        for (let k = 0; k < shuffled.length; ) {
          const n = 1 + Math.floor(random() * 3);
          const batch = shuffled.slice(k, k + n);
          posts.push({ body: { event_id: `evt_${job.jobId}_${posts.length}`, messages: batch.map((b) => b.item) }, items: batch.length });
          k += n;
        }
        const copies = posts.flatMap((post) => {
          const times = random() < 0.35 ? 2 + Math.floor(random() * 2) : 1;
          return Array.from({ length: times }, () => ({ ...post, app: random() < 0.5 ? t1 : t2 }));
        });
        const results = await Promise.all(
          shuffle(copies, random).map(async (c) => {
            // A provider retry is a new HTTP delivery (new webhook-id) of the same body. Like a
            // provider, retry a 5xx (see the inbox deadlock test below); the state must still converge.
            for (let attempt = 1; ; attempt++) {
              const res = await postSigned(c.app.baseUrl + new URL(job.bulkUrl).pathname, job.secret, c.body);
              if (res.status >= 500 && attempt < 5) {
                serverErrors += 1;
                await new Promise((r) => setTimeout(r, 50 * attempt));
                continue;
              }
              expect(res.status).toBe(200);
              return res.body as { received: number; duplicates: number };
            }
          }),
        );
        // Each event is stored exactly once, however many copies raced each other.
        expect(results.reduce((n, r) => n + r.received, 0)).toBe(unique.length);
        expect(results.reduce((n, r) => n + r.duplicates, 0)).toBe(copies.reduce((n, c) => n + c.items, 0) - unique.length);

        const events = await settledFor(job.userId);
        // (c) nothing left pending; every event found its message.
        expect(events).toHaveLength(unique.length);
        expect(events.filter((e) => e.outcome !== 'applied' && e.outcome !== 'duplicate')).toEqual([]);
        expect((await t1.http('GET', `/api/admin/users/${job.userId}`, { token: t1.adminToken })).body.recentDeliveries.filter((d: any) => d.outcome === 'pending')).toEqual([]);

        const items = (await t2.http('GET', `/api/bulk/jobs/${job.jobId}/messages?limit=500`, { token: job.token })).body.items as any[];
        // (b) every row as the pure state machine has it.
        for (const [i, row] of rows.entries()) {
          const actual = items.find((m) => m.messageId === row.messageId);
          const expected = asApi(expectedState(row, unique.filter((u) => u.row === i).map((u) => u.item)));
          expect({ message: i, ...pick(actual) }).toEqual({ message: i, ...expected });
        }
        // (a) the counters are a GROUP BY over the rows, and the reply breakdown counts last replies.
        const jobNow = (await t1.http('GET', `/api/bulk/jobs/${job.jobId}`, { token: job.token })).body;
        const byStatus: Record<string, number> = {};
        for (const m of items) byStatus[m.status] = (byStatus[m.status] ?? 0) + 1;
        for (const [status, n] of Object.entries(jobNow.stats)) expect([status, n]).toEqual([status, byStatus[status] ?? 0]);
        expect(Object.values(jobNow.stats as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(jobNow.total);
        const byReply: Record<string, number> = {};
        for (const m of items) {
          const key = replyKey(m.lastReply);
          if (key !== null) byReply[key] = (byReply[key] ?? 0) + 1;
        }
        const breakdown = Object.fromEntries((jobNow.replies as Array<{ key: string; count: number }>).filter((r) => r.count > 0).map((r) => [r.key, r.count]));
        expect(breakdown).toEqual(byReply);
      }),
      { numRuns: Number(process.env.FC_NUM_RUNS ?? 6), endOnFailure: true, ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {}) },
    );
    expect(serverErrors).toBe(0);
  }, 90_000);

  /*
   * Two instances storing overlapping events in opposite orders: the inbox inserts in one
   * canonical order, so neither deadlocks and every request answers 200.
   */
  it('two instances storing the same events in opposite orders both answer 200', async () => {
    const op = await t1.createUser();
    const patched = await t1.http('PATCH', `/api/admin/users/${op.user.id}`, {
      token: t1.adminToken,
      body: { channel: { provider: 'whapi', config: { token: 'whapi-token', apiBase: 'http://127.0.0.1:9' } } },
    });
    const path = new URL(patched.body.webhooks.bulk.url).pathname;
    const post = (app: TestApp, statuses: unknown[]) => postRaw(app.baseUrl + path, JSON.stringify({ statuses }), { 'content-type': 'application/json' });
    const codes: number[] = [];
    // Whether the two INSERTs overlap is timing: about one round in four deadlocks, so try up to 25 (≈13 s when fixed).
    for (let round = 0; round < 25 && !codes.some((c) => c !== 200); round++) {
      // Which rows the statuses are about does not matter, only how they are stored.
      // Whapi's own `pending` is stored (as rejected) but never processed: no load left behind.
      const statuses = Array.from({ length: 1000 }, (_, i) => ({ id: `nobody_${round}_${i}`, status: 'pending', timestamp: '1761746001' }));
      const reversed = [...statuses].reverse();
      const results = await Promise.all([post(t1, statuses), post(t2, reversed), post(t2, statuses), post(t1, reversed)]);
      codes.push(...results.map((r) => r.status));
    }
    expect(codes.filter((c) => c !== 200)).toEqual([]);
  });

  it('applies a status and a reply that arrive before our own message_id is committed', async () => {
    const chosen = (to: string) => `held_${to}_${Date.now().toString(36)}`;
    const ids = new Map<string, string>();
    const provider = await startHeldGenericProvider((to) => ids.get(to) ?? chosen(to));
    try {
      const op = await t1.createUser();
      const patched = await t1.http('PATCH', `/api/admin/users/${op.user.id}`, {
        token: t1.adminToken,
        body: { channel: { provider: 'generic', config: { baseUrl: provider.baseUrl, token: provider.token }, rateLimitPerSecond: 10_000 } },
      });
      expect(patched.status).toBe(200);
      const secret = patched.body.webhooks.bulk.secret;
      const path = new URL(patched.body.webhooks.bulk.url).pathname;
      const phones = [phoneAt(500), phoneAt(501)];
      for (const p of phones) ids.set(p, chosen(p));
      const [early, replied] = phones.map((p) => ids.get(p)!);

      const created = await t1.http('POST', '/api/bulk/jobs', { token: op.token, body: { body: 'Your appointment is tomorrow', buttons: BUTTONS, recipients: phones.map((phone) => ({ phone })) } });
      expect(created.status).toBe(201);
      await provider.inFlight(phones.length);
      const jobId = created.body.id;
      const pendingRows = (await t1.http('GET', `/api/bulk/jobs/${jobId}/messages`, { token: op.token })).body.items as any[];
      expect(pendingRows.map((m) => [m.status, m.messageId])).toEqual([
        ['pending', null],
        ['pending', null],
      ]);

      // The provider is faster than our commit: its callbacks name ids we have not stored yet.
      const at = Math.floor(Date.now() / 1000) + 5;
      const r1 = await postSigned(t2.baseUrl + path, secret, {
        event_id: 'evt_before_commit_1',
        messages: [
          { message_id: early, type: 'status', status: 'read', timestamp: at + 2 },
          { message_id: early, type: 'status', status: 'delivered', timestamp: at },
        ],
      });
      const r2 = await postSigned(t1.baseUrl + path, secret, {
        event_id: 'evt_before_commit_2',
        messages: [{ message_id: replied, type: 'reply', reply: { type: 'buttons_reply', buttons_reply: { id: 'ButtonsV3:reschedule', title: 'Reschedule' } }, timestamp: at + 3 }],
      });
      expect([r1.status, r2.status]).toEqual([200, 200]);
      // They were tried, found nothing, and were put back for later — not dropped, not unmatched.
      const deferred = await eventually(async () => {
        const events = await storedBulkEvents(t1.config.databaseUrl, op.user.id);
        return events.length === 3 && events.every((e) => e.outcome === 'pending' && e.attempts >= 1) && events;
      }, 10_000, 'events tried and deferred');
      expect(deferred.map((e) => e.messageId).sort()).toEqual([early, early, replied].sort());

      provider.release();
      await eventually(async () => (await t1.http('GET', `/api/bulk/jobs/${jobId}`, { token: op.token })).body.state === 'completed', 10_000, 'job sent');
      const done = await eventually(async () => {
        const rows = (await t1.http('GET', `/api/bulk/jobs/${jobId}/messages`, { token: op.token })).body.items as any[];
        return rows.every((m) => m.status === 'read' || m.status === 'replied') && rows;
      }, 15_000, 'early events applied once the ids were committed');
      const byId = new Map(done.map((m) => [m.messageId, m]));
      expect(byId.get(early)).toMatchObject({ status: 'read', deliveredAt: new Date(at * 1000).toISOString(), readAt: new Date((at + 2) * 1000).toISOString() });
      expect(byId.get(replied)).toMatchObject({ status: 'replied', repliedAt: new Date((at + 3) * 1000).toISOString(), lastReply: { type: 'buttons_reply', id: 'reschedule', title: 'Reschedule' } });
      const events = await settledFor(op.user.id);
      expect(events.map((e) => e.outcome)).toEqual(['applied', 'applied', 'applied']);
      const job = (await t1.http('GET', `/api/bulk/jobs/${jobId}`, { token: op.token })).body;
      expect(job.stats).toEqual({ queued: 0, pending: 0, sent: 0, delivered: 0, read: 1, failed: 0, replied: 1 });
    } finally {
      await provider.close();
    }
  });
});
