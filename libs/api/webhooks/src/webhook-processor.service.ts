import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '@bluetick/api/core';
import { BulkChanges, BulkTrackingService, RETRY, type BulkChange, type InboxEvent } from '@bluetick/api/bulk';
import { DeliveryOutcome } from '@bluetick/contracts';
import { DataSource } from 'typeorm';
import { WebhookWakeup } from './webhook-wakeup';

const BATCH = 500;
const POLL_MS = 200;
/** Dedupe keys must outlive provider retries (up to 7 days); the audit log keeps 30. */
const RETENTION = '30 days';
const CLEANUP_EVERY_MS = 60 * 60 * 1000;

interface PendingRow {
  id: string;
  user_id: string;
  event_json: InboxEvent['event'];
  received_at: Date;
  retry_until: Date;
  attempts: number;
}

/**
 * Applies stored bulk events in batches. Claiming (SKIP LOCKED), applying, counting and
 * settling each event's outcome share one transaction, so any number of processors on
 * any number of instances can run, and a crash at any point never double-counts.
 */
@Injectable()
export class WebhookProcessorService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('WebhookProcessor');
  private running = false;
  private loop: Promise<void> | null = null;
  private lastCleanup = 0;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tracking: BulkTrackingService,
    private readonly changes: BulkChanges,
    private readonly wakeup: WebhookWakeup,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.workers) return;
    this.running = true;
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wakeup.wake();
    await this.loop;
  }

  /** Processes everything that is due now; returns how many events it settled or deferred. */
  async processDue(): Promise<number> {
    let total = 0;
    for (;;) {
      const { count, change } = await this.processBatch();
      if (change) this.changes.publish(change);
      total += count;
      if (count < BATCH) return total;
    }
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        await this.processDue();
        if (Date.now() - this.lastCleanup > CLEANUP_EVERY_MS) await this.cleanup();
      } catch (err) {
        if (this.running) this.log.error(`processing failed: ${(err as Error).message}`);
      }
      await this.wakeup.sleep(POLL_MS);
    }
  }

  private processBatch(): Promise<{ count: number; change: BulkChange | null }> {
    return this.db.transaction(async (tx) => {
      const rows: PendingRow[] = await tx.query(
        `SELECT id, user_id, event_json, received_at, retry_until, attempts FROM bulk_events
          WHERE outcome = $2 AND next_attempt_at <= now()
          ORDER BY next_attempt_at, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [BATCH, DeliveryOutcome.Pending],
      );
      if (rows.length === 0) return { count: 0, change: null };
      const events: InboxEvent[] = rows.map((r) => ({ id: String(r.id), userId: r.user_id, event: r.event_json, receivedAt: r.received_at, retryUntil: r.retry_until }));
      const { outcomes, change } = await this.tracking.apply(tx, events);
      const settled = rows.filter((r) => outcomes.get(String(r.id)) !== RETRY);
      const deferred = rows.filter((r) => outcomes.get(String(r.id)) === RETRY);
      if (settled.length) {
        await tx.query(
          `UPDATE bulk_events e SET outcome = v.outcome, processed_at = now()
             FROM unnest($1::bigint[], $2::text[]) AS v(id, outcome) WHERE e.id = v.id`,
          [settled.map((r) => r.id), settled.map((r) => outcomes.get(String(r.id)))],
        );
      }
      if (deferred.length) {
        // Back off 1 s, 2 s, 4 s … up to 30 s while the message may still be committing.
        await tx.query(
          `UPDATE bulk_events SET attempts = attempts + 1,
                  next_attempt_at = now() + make_interval(secs => LEAST(30, power(2, attempts)))
            WHERE id = ANY($1::bigint[])`,
          [deferred.map((r) => r.id)],
        );
      }
      return { count: rows.length, change };
    });
  }

  private async cleanup(): Promise<void> {
    this.lastCleanup = Date.now();
    await this.db.query(`DELETE FROM bulk_events WHERE outcome <> $1 AND received_at < now() - interval '${RETENTION}'`, [DeliveryOutcome.Pending]);
    await this.db.query(`DELETE FROM workflow_events WHERE received_at < now() - interval '${RETENTION}'`);
  }
}
