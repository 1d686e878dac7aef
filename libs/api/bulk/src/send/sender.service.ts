import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JobState, type ProviderKind, type Template } from '@bluetick/contracts';
import type { OutboundMessage } from '@bluetick/providers';
import { APP_CONFIG, queryRows, type AppConfig } from '@bluetick/api/core';
import { ChannelsService, type ChannelEntity } from '@bluetick/api/channels';
import { markPending, markRequeued, markSendFailed, markSent, SEND_STEPS, trackingDelta, type TrackingDelta } from '@bluetick/tracking';
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import { BulkChanges } from '../bulk-changes';
import { groupBy } from '@bluetick/api/core';
import { applyJobDeltas } from '../job-counters';
import { MESSAGE_COLUMNS, trackingStateOf, type MessageRow } from '../message-row';
import { RatePacer } from './rate-pacer';
import { ResultRecorder } from './result-recorder';
import { SEND_TRANSPORTS, type DeliveryResult, type SendTransport } from './send-transport';
import { SendWakeup } from './send-wakeup';

const POLL_MS = 500;
const MAX_CHANNELS_PER_PROCESS = 8;
const MAX_BATCH = 1000;
/** Advisory-lock namespace for "this process sends for this channel". */
const CHANNEL_LOCK_CLASS = 0x5e4d;
const ORPHAN_REASON = 'outcome unknown: the sender stopped while this message was being sent; not re-sent to avoid a duplicate';

/**
 * The send pipeline: queued → claimed (SKIP LOCKED) → pending → provider → sent with its
 * message_id, or failed with the provider's reason. One process at a time sends for a
 * channel (advisory lock), which is what makes the per-channel rate limit hold cluster-wide.
 */
@Injectable()
export class SenderService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('Sender');
  private readonly active = new Map<string, Promise<void>>();
  private running = false;
  private loop: Promise<void> | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly channels: ChannelsService,
    private readonly changes: BulkChanges,
    private readonly wakeup: SendWakeup,
    @Inject(SEND_TRANSPORTS) private readonly transports: Record<ProviderKind, SendTransport>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.workers) return;
    this.running = true;
    this.loop = this.pollLoop();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wakeup.wake();
    await this.loop;
    await Promise.allSettled(this.active.values());
  }

  private async pollLoop(): Promise<void> {
    while (this.running) {
      try {
        await this.startIdleChannels();
      } catch (err) {
        if (this.running) this.log.error(`poll failed: ${(err as Error).message}`);
      }
      await this.wakeup.sleep(POLL_MS);
    }
  }

  private async startIdleChannels(): Promise<void> {
    const rows: Array<{ channel_id: string }> = await this.db.query(
      `SELECT DISTINCT channel_id FROM bulk_messages WHERE status = ANY($1::text[])`,
      [[...SEND_STEPS.claim.from, SEND_STEPS.claim.to]],
    );
    for (const { channel_id } of rows) {
      if (this.active.size >= MAX_CHANNELS_PER_PROCESS || !this.running) break;
      if (this.active.has(channel_id)) continue;
      const run = this.runChannel(channel_id).finally(() => this.active.delete(channel_id));
      this.active.set(channel_id, run);
    }
  }

  private async runChannel(channelId: string): Promise<void> {
    const lockRunner = this.db.createQueryRunner();
    await lockRunner.connect();
    try {
      const [{ locked }] = await lockRunner.query('SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked', [CHANNEL_LOCK_CLASS, channelId]);
      if (!locked) return;
      try {
        await this.sendChannel(channelId);
      } finally {
        await lockRunner.query('SELECT pg_advisory_unlock($1, hashtext($2))', [CHANNEL_LOCK_CLASS, channelId]);
      }
    } catch (err) {
      if (this.running) this.log.error(`channel ${channelId}: ${(err as Error).message}`);
    } finally {
      await releaseQuietly(lockRunner);
    }
  }

  private async sendChannel(channelId: string): Promise<void> {
    // Holding the lock means no live process is sending here: pending rows are orphans of a crash.
    await this.resolveOrphans(channelId);
    let pacer: RatePacer | null = null;
    // Invariant: `next` is never sent here, so whatever it claimed goes back to queued when the loop stops.
    let next = this.claimAhead(channelId);
    try {
      let batch = await next;
      while (this.running && batch.rows.length > 0) {
        // Claim the next batch while this one is sent: sending does not pause for the claim.
        next = this.claimAhead(channelId);
        pacer ??= new RatePacer(batch.channel.rateLimitPerSecond);
        pacer.setRate(batch.channel.rateLimitPerSecond);
        const backoffMs = await this.sendBatch(batch.channel, await this.withoutCancelled(batch.rows), pacer);
        if (backoffMs > 0) {
          // Rate limited or unreachable: the batch claimed ahead goes back rather than wait out the
          // pause pending, and the claim after the pause sees what this batch requeued.
          await this.requeueUnsent(next);
          next = sleep(backoffMs).then(() => this.claimAhead(channelId));
        }
        batch = await next;
      }
    } finally {
      await this.requeueUnsent(next);
    }
  }

  /** Starts claiming a batch, to be awaited later. */
  private claimAhead(channelId: string): Promise<ClaimedBatch> {
    const claimed = this.channels.getForUser(channelId).then(async (channel) => ({ channel, rows: await this.claim(channel, claimSize(channel.rateLimitPerSecond)) }));
    claimed.catch(() => undefined); // its failure surfaces where it is awaited, not as an unhandled rejection meanwhile
    return claimed;
  }

  /** Sends a batch and persists its results; returns how long the provider asked us to back off. */
  private async sendBatch(channel: ChannelEntity, batch: ClaimedRow[], pacer: RatePacer): Promise<number> {
    if (batch.length === 0) return 0;
    const rows = new Map(batch.map((row) => [row.id, row]));
    const recorder = new ResultRecorder((results) => this.record(results.map((r) => [rows.get(r.ref)!, r] as const)));
    const outbound = batch.map(outboundOf);
    let backoffMs = 0;
    try {
      await this.transports[channel.provider].send(channel, outbound, pacer, (results) => recorder.add(results));
    } finally {
      // Whatever the transport did report is persisted before anything else happens.
      backoffMs = await recorder.drain();
    }
    const unreported = [...rows.keys()].filter((id) => !recorder.reported.has(id));
    if (unreported.length) {
      await this.record(unreported.map((id) => [rows.get(id)!, { ref: id, failure: 'outcome unknown: the provider gave no result for this message' }] as const));
    }
    return backoffMs;
  }

  /** A batch claimed ahead may belong to a job cancelled since: those rows go back to queued, unsent. */
  private async withoutCancelled(rows: ClaimedRow[]): Promise<ClaimedRow[]> {
    const cancelled: Array<{ job_id: string }> = await this.db.query(`SELECT job_id FROM bulk_jobs WHERE job_id = ANY($1::uuid[]) AND state = $2`, [
      [...new Set(rows.map((row) => row.job_id))],
      JobState.Cancelled,
    ]);
    if (cancelled.length === 0) return rows;
    const jobIds = new Set(cancelled.map((job) => job.job_id));
    await this.requeue(rows.filter((row) => jobIds.has(row.job_id)));
    return rows.filter((row) => !jobIds.has(row.job_id));
  }

  /** Puts back what a claim ahead took, when it is not going to be sent. */
  private async requeueUnsent(claim: Promise<ClaimedBatch>): Promise<void> {
    const batch = await claim.catch(() => null); // a failed claim took nothing
    if (batch?.rows.length) await this.requeue(batch.rows);
  }

  private async requeue(rows: ClaimedRow[]): Promise<void> {
    await this.record(rows.map((row) => [row, { ref: row.id, requeueAfterMs: 0, reason: 'claimed but not sent' }] as const));
  }

  private async claim(channel: ChannelEntity, size: number): Promise<ClaimedRow[]> {
    return this.inTransaction<ClaimedRow[]>(async (tx) => {
      const rows = await queryRows<ClaimedRow>(
        tx,
        `UPDATE bulk_messages m SET status = $4, claimed_at = now()
          WHERE m.id IN (
            SELECT q.id FROM bulk_messages q JOIN bulk_jobs j ON j.job_id = q.job_id
             WHERE q.channel_id = $1 AND q.status = ANY($3::text[]) AND j.state <> $5
             ORDER BY q.id LIMIT $2 FOR UPDATE OF q SKIP LOCKED)
          RETURNING ${prefixed('m')}, m.template_parameters,
            (SELECT template_json FROM bulk_jobs WHERE job_id = m.job_id) AS template_json`,
        [channel.userId, size, SEND_STEPS.claim.from, SEND_STEPS.claim.to, JobState.Cancelled],
      );
      // The rows are pending now; their tracking state before the claim was queued.
      const deltas = rows.map((row) => {
        const before = { ...trackingStateOf(row), status: SEND_STEPS.claim.from[0] };
        return [row.job_id, trackingDelta(before, markPending(before))] as const;
      });
      return { value: rows, deltas, changed: rows };
    });
  }

  /** Persists results in one transaction; returns how long to back off. */
  private async record(results: ReadonlyArray<readonly [MessageRow, DeliveryResult]>): Promise<number> {
    const now = new Date();
    const sent: Array<[string, string]> = [];
    const failed: Array<[string, string]> = [];
    const requeued: string[] = [];
    let backoff = 0;
    const deltas = results.map(([row, result]) => {
      const before = trackingStateOf(row);
      if ('messageId' in result) {
        sent.push([row.id, result.messageId]);
        return [row.job_id, trackingDelta(before, markSent(before, now))] as const;
      }
      if ('failure' in result) {
        failed.push([row.id, result.failure]);
        return [row.job_id, trackingDelta(before, markSendFailed(before, now, result.failure))] as const;
      }
      requeued.push(row.id);
      backoff = Math.max(backoff, result.requeueAfterMs);
      return [row.job_id, trackingDelta(before, markRequeued(before))] as const;
    });
    await this.inTransaction(async (tx) => {
      if (sent.length) {
        await tx.query(
          `UPDATE bulk_messages m SET status = $3, message_id = v.message_id, sent_at = $4
             FROM unnest($1::bigint[], $2::text[]) AS v(id, message_id) WHERE m.id = v.id`,
          [sent.map((s) => s[0]), sent.map((s) => s[1]), SEND_STEPS.sent.to, now],
        );
      }
      if (failed.length) {
        await tx.query(
          `UPDATE bulk_messages m SET status = $3, failed_at = $4, failure_reason = v.reason
             FROM unnest($1::bigint[], $2::text[]) AS v(id, reason) WHERE m.id = v.id`,
          [failed.map((f) => f[0]), failed.map((f) => f[1]), SEND_STEPS.sendFailed.to, now],
        );
      }
      if (requeued.length) {
        await tx.query(`UPDATE bulk_messages SET status = $2, claimed_at = NULL WHERE id = ANY($1::bigint[])`, [requeued, SEND_STEPS.requeue.to]);
      }
      return { value: undefined, deltas, changed: results.map(([row]) => row) };
    });
    return backoff;
  }

  private async resolveOrphans(channelId: string): Promise<void> {
    await this.inTransaction(async (tx) => {
      const rows = await queryRows<MessageRow>(
        tx,
        `UPDATE bulk_messages SET status = $3, failed_at = now(), failure_reason = $4
          WHERE channel_id = $1 AND status = $2 RETURNING ${MESSAGE_COLUMNS}`,
        [channelId, SEND_STEPS.claim.to, SEND_STEPS.sendFailed.to, ORPHAN_REASON],
      );
      if (rows.length) this.log.warn(`${rows.length} message(s) were mid-send when a sender stopped: marked failed, not re-sent`);
      const deltas = rows.map((row) => {
        const before = { ...trackingStateOf(row), status: SEND_STEPS.claim.to, failedAt: null, failureReason: null };
        return [row.job_id, trackingDelta(before, markSendFailed(before, row.failed_at ?? new Date(), ORPHAN_REASON))] as const;
      });
      return { value: undefined, deltas, changed: rows };
    });
  }

  /** Runs `work`, applies its counter deltas in the same transaction, and publishes after commit. */
  private async inTransaction<T>(
    work: (tx: EntityManager) => Promise<{ value: T; deltas: ReadonlyArray<readonly [string, TrackingDelta]>; changed: MessageRow[] }>,
  ): Promise<T> {
    const { value, jobs, changed } = await this.db.transaction(async (tx) => {
      const result = await work(tx);
      const byJob = groupBy(result.deltas, ([jobId]) => jobId, ([, delta]) => delta);
      return { value: result.value, jobs: await applyJobDeltas(tx, byJob), changed: result.changed };
    });
    this.changes.publish({ jobs, messageIds: groupBy(changed, (row) => row.job_id, (row) => String(row.id)) });
    return value;
  }
}

/** A claimed row carries what only the sender needs: the job's template and this recipient's parameters. */
interface ClaimedRow extends MessageRow {
  template_json: Template | null;
  template_parameters: string[] | null;
}

interface ClaimedBatch {
  channel: ChannelEntity;
  rows: ClaimedRow[];
}

function outboundOf(row: ClaimedRow): OutboundMessage {
  const message: OutboundMessage = { ref: row.id, to: row.phone, body: row.body, buttons: row.buttons_json ?? [] };
  if (!row.template_json) return message;
  const { name, language } = row.template_json;
  return { ...message, template: { name, language, bodyParameters: row.template_parameters ?? [], quickReplyPayloads: message.buttons.map((b) => b.id) } };
}

/**
 * About 200 ms of sending, and one batch is claimed ahead: few rows wait pending before
 * their request leaves (a crash fails those).
 */
const claimSize = (perSecond: number) => Math.min(MAX_BATCH, Math.max(1, Math.ceil(perSecond / 5)));
const prefixed = (alias: string) => MESSAGE_COLUMNS.split(',').map((c) => `${alias}.${c.trim()}`).join(', ');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function releaseQuietly(runner: QueryRunner): Promise<void> {
  await runner.release().catch(() => undefined);
}
