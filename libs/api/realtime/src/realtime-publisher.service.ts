import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import {
  ADMIN_OUTBOX_ROOM,
  jobRoom,
  outboxRoom,
  ServerEvent,
  type Job,
  type JobMessagesEvent,
  type JobStatsEvent,
  type OutboxJobsEvent,
} from '@bluetick/contracts';
import { BulkChanges, BulkJobsService, type BulkChange } from '@bluetick/api/bulk';
import { groupBy } from '@bluetick/api/core';
import type { Subscription } from 'rxjs';
import { RealtimeGateway } from './realtime.gateway';

/** At most this many emits per second per job, however many events arrive. */
const FLUSH_MS = 250;
const ROWS_PER_EMIT = 500;

/**
 * Turns committed changes into coalesced pushes: per flush and job, one `job.stats`,
 * the changed rows in `job.messages` chunks, and one `outbox.jobs` per outbox room.
 * State is re-read at flush time, so a push is never older than what is committed.
 */
@Injectable()
export class RealtimePublisher implements OnModuleInit, OnModuleDestroy {
  private readonly log = new Logger('RealtimePublisher');
  private readonly pending = new Map<string, Set<string>>();
  private subscription: Subscription | null = null;
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly changes: BulkChanges,
    private readonly jobs: BulkJobsService,
    private readonly gateway: RealtimeGateway,
  ) {}

  onModuleInit(): void {
    this.subscription = this.changes.changes$.subscribe((change) => this.collect(change));
  }

  async onModuleDestroy(): Promise<void> {
    this.subscription?.unsubscribe();
    if (this.timer) clearTimeout(this.timer);
    await this.flushing;
  }

  private collect(change: BulkChange): void {
    for (const job of change.jobs) {
      const ids = this.pending.get(job.job_id) ?? new Set<string>();
      for (const id of change.messageIds.get(job.job_id) ?? []) ids.add(id);
      this.pending.set(job.job_id, ids);
    }
    this.timer ??= setTimeout(() => {
      this.flushing = this.flush().finally(() => (this.flushing = null));
    }, FLUSH_MS);
  }

  private async flush(): Promise<void> {
    this.timer = null;
    const batch = new Map(this.pending);
    this.pending.clear();
    try {
      const jobs = await this.jobs.jobsById([...batch.keys()]);
      for (const job of jobs) await this.pushJob(job, [...(batch.get(job.id) ?? [])]);
      this.pushOutboxes(jobs);
    } catch (err) {
      this.log.warn(`realtime push failed: ${(err as Error).message}`);
    }
  }

  private async pushJob(job: Job, messageIds: string[]): Promise<void> {
    const room = this.gateway.server.to(jobRoom(job.id));
    for (let i = 0; i < messageIds.length; i += ROWS_PER_EMIT) {
      const messages = await this.jobs.messagesById(messageIds.slice(i, i + ROWS_PER_EMIT));
      room.emit(ServerEvent.JobMessages, { jobId: job.id, messages } satisfies JobMessagesEvent);
    }
    room.emit(ServerEvent.JobStats, { jobId: job.id, total: job.total, stats: job.stats, state: job.state, replies: job.replies } satisfies JobStatsEvent);
  }

  private pushOutboxes(jobs: Job[]): void {
    const summary = (j: Job) => ({ id: j.id, total: j.total, stats: j.stats, state: j.state });
    const byOwner = groupBy(jobs, (job) => job.createdBy, (job) => job);
    for (const [owner, owned] of byOwner) {
      this.gateway.server.to(outboxRoom(owner)).emit(ServerEvent.OutboxJobs, { jobs: owned.map(summary) } satisfies OutboxJobsEvent);
    }
    this.gateway.server.to(ADMIN_OUTBOX_ROOM).emit(ServerEvent.OutboxJobs, { jobs: jobs.map(summary) } satisfies OutboxJobsEvent);
  }
}
