import { io, type Socket } from 'socket.io-client';
import { ClientEvent, ServerEvent, SOCKET_PATH, type JobMessagesEvent, type JobStatsEvent, type OutboxJobsEvent } from '@bluetick/contracts';
import { eventually, postSigned, sentGenericJob, startTestApp, type TestApp, type TrackedJob } from '@bluetick/api/testing';

function connect(baseUrl: string, token?: string): Socket {
  return io(baseUrl, { path: SOCKET_PATH, auth: token ? { token } : {}, transports: ['websocket'], reconnection: false, forceNew: true });
}

const connected = (socket: Socket) =>
  new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (err) => reject(err));
  });

/** Everything a socket receives, by event name. */
function record(socket: Socket) {
  const seen: Record<string, unknown[]> = {};
  socket.onAny((event, payload) => (seen[event] ??= []).push(payload));
  return seen;
}

describe('realtime over Socket.IO', () => {
  let a: TestApp;
  let b: TestApp;
  let job: TrackedJob;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    a = await startTestApp();
    b = await startTestApp({ databaseUrl: a.config.databaseUrl, jwtSecret: a.config.jwtSecret });
    job = await sentGenericJob(a);
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await job.fake.close();
    await b.close();
    await a.close();
  });
  const open = async (baseUrl: string, token?: string) => {
    const socket = connect(baseUrl, token);
    sockets.push(socket);
    await connected(socket);
    return socket;
  };

  it('refuses a connection without a token or with a bad one', async () => {
    await expect(open(a.baseUrl)).rejects.toThrow(/unauthorized/);
    await expect(open(a.baseUrl, 'not-a-token')).rejects.toThrow(/unauthorized/);
  });

  it("joins only jobs the user may see", async () => {
    const socket = await open(a.baseUrl, job.token);
    expect(await socket.emitWithAck(ClientEvent.JobSubscribe, { jobId: job.jobId })).toEqual({ ok: true });
    const stranger = await a.createUser();
    const other = await open(a.baseUrl, stranger.token);
    expect(await other.emitWithAck(ClientEvent.JobSubscribe, { jobId: job.jobId })).toMatchObject({ ok: false, error: expect.any(String) });
    expect(await other.emitWithAck(ClientEvent.JobSubscribe, {})).toMatchObject({ ok: false });
  });

  it('pushes changed rows and counters after a webhook, across instances; other users hear nothing', async () => {
    // Connected to instance B; the webhook goes to instance A.
    const mine = await open(b.baseUrl, job.token);
    const seen = record(mine);
    await mine.emitWithAck(ClientEvent.JobSubscribe, { jobId: job.jobId });
    await mine.emitWithAck(ClientEvent.OutboxSubscribe, {});
    const stranger = await a.createUser();
    const theirs = await open(b.baseUrl, stranger.token);
    const theirSeen = record(theirs);
    await theirs.emitWithAck(ClientEvent.OutboxSubscribe, {});

    const res = await postSigned(job.bulkUrl, job.secret, {
      event_id: 'evt_live',
      messages: [{ message_id: job.messageIds[0], type: 'reply', reply: { type: 'buttons_reply', buttons_reply: { id: 'reschedule', title: 'Reschedule' } }, timestamp: Math.floor(Date.now() / 1000) }],
    });
    expect(res.status).toBe(200);
    const rows = await eventually(async () => (seen[ServerEvent.JobMessages] as JobMessagesEvent[] | undefined)?.flatMap((e) => e.messages), 5000, 'job.messages');
    expect(rows.find((m) => m.messageId === job.messageIds[0])).toMatchObject({ status: 'replied', lastReply: { display: 'Reschedule', id: 'reschedule' } });
    const stats = await eventually(async () => (seen[ServerEvent.JobStats] as JobStatsEvent[] | undefined)?.at(-1), 5000, 'job.stats');
    expect(stats).toMatchObject({ jobId: job.jobId, total: 3, stats: { replied: 1, sent: 2 } });
    expect(stats.replies.find((r) => r.key === 'reschedule')).toMatchObject({ title: 'Reschedule', count: 1 });
    const outbox = await eventually(async () => (seen[ServerEvent.OutboxJobs] as OutboxJobsEvent[] | undefined)?.at(-1), 5000, 'outbox.jobs');
    expect(outbox.jobs.map((j) => j.id)).toEqual([job.jobId]);
    await new Promise((r) => setTimeout(r, 500));
    expect(theirSeen).toEqual({});
  });
});
