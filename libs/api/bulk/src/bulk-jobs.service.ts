import { ForbiddenException, Injectable, NotFoundException, ConflictException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ADMIN_ROLE,
  emptyStats,
  JobState,
  MessageStatus,
  ProviderKind,
  type Job,
  type Message,
  type MessagePage,
  type MessageQuery,
} from '@bluetick/contracts';
import { ProblemsException, queryRows } from '@bluetick/api/core';
import { ChannelsService } from '@bluetick/api/channels';
import type { UserEntity } from '@bluetick/api/users';
import { initialReplyCounts, SEND_STEPS, trackingDelta, validateCreateJob, markQueuedForRetry } from '@bluetick/tracking';
import { DataSource, type EntityManager } from 'typeorm';
import { BulkChanges } from './bulk-changes';
import { applyJobDeltas } from './job-counters';
import { JOB_COLUMNS, toJob, type JobRow } from './job-row';
import { MESSAGE_COLUMNS, toMessage, trackingStateOf, type MessageRow } from './message-row';
import { SendWakeup } from './send/send-wakeup';

const INSERT_CHUNK = 5000;

export interface CreatedJob extends Job {
  duplicatesMerged: number;
}

@Injectable()
export class BulkJobsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly channels: ChannelsService,
    private readonly changes: BulkChanges,
    private readonly wakeup: SendWakeup,
  ) {}

  async create(user: UserEntity, input: unknown): Promise<CreatedJob> {
    if (!user.bulkEnabled) throw new ForbiddenException('The Bulk module is disabled for your account: ask an admin to enable it');
    const channel = await this.channels.getForUser(user.id);
    const validation = validateCreateJob(input);
    if (!validation.ok) throw new ProblemsException(validation.problems, 'The job has problems; fix them and send it again');
    const { name, body, buttons, template, recipients, duplicatesMerged } = validation.value;
    if (template && channel.provider !== ProviderKind.Meta) {
      throw new ProblemsException([{ path: 'template', message: `templates are sent through the WhatsApp Cloud API, but this channel is ${channel.provider}: leave template out or ask an admin to switch the channel to meta` }]);
    }
    const stats = { ...emptyStats(), queued: recipients.length };
    const job = await this.db.transaction(async (tx) => {
      const [row]: JobRow[] = await tx.query(
        `INSERT INTO bulk_jobs (created_by, name, total, body, buttons_json, template_json, status_summary_json, reply_summary_json)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${JOB_COLUMNS}`,
        [user.id, name ?? defaultJobName(), recipients.length, body, JSON.stringify(buttons), template && JSON.stringify(template), JSON.stringify(stats), JSON.stringify(initialReplyCounts(buttons))],
      );
      for (let i = 0; i < recipients.length; i += INSERT_CHUNK) {
        const chunk = recipients.slice(i, i + INSERT_CHUNK);
        await tx.query(
          `INSERT INTO bulk_messages (job_id, channel_id, phone, body, buttons_json, template_parameters)
           SELECT $1, $2, phone, body, $5::jsonb, CASE WHEN $7 THEN ARRAY(SELECT jsonb_array_elements_text(params)) END
             FROM unnest($3::text[], $4::text[], $6::jsonb[]) AS r(phone, body, params)`,
          [
            row.job_id,
            channel.userId,
            chunk.map((r) => r.phone),
            chunk.map((r) => r.renderedBody),
            JSON.stringify(buttons),
            chunk.map((r) => JSON.stringify(r.templateParameters ?? [])),
            template !== null,
          ],
        );
      }
      return row;
    });
    this.wakeup.wake();
    return { ...toJob(job), duplicatesMerged };
  }

  async list(user: UserEntity): Promise<Job[]> {
    const rows: JobRow[] = await this.db.query(
      `SELECT ${JOB_COLUMNS} FROM bulk_jobs WHERE ($1::uuid IS NULL OR created_by = $1) ORDER BY created_at DESC, job_id LIMIT 500`,
      [user.role === ADMIN_ROLE ? null : user.id],
    );
    return rows.map(toJob);
  }

  async get(user: UserEntity, jobId: string): Promise<Job> {
    return toJob(await this.visibleJob(user, jobId));
  }

  /** Whether `user` may see the job: their own, or any for an admin. */
  async canSee(user: UserEntity, jobId: string): Promise<boolean> {
    return (await this.findVisible(this.db.manager, user, jobId)) !== null;
  }

  async messages(user: UserEntity, jobId: string, query: MessageQuery): Promise<MessagePage> {
    await this.visibleJob(user, jobId);
    const rows = await this.queryMessages(jobId, query, query.limit + 1);
    const page = rows.slice(0, query.limit);
    return { items: page.map(toMessage), nextCursor: rows.length > query.limit ? String(page[page.length - 1].id) : null };
  }

  /** Every matching message, page by page (for CSV export and follow-up segments). */
  async *allMessages(user: UserEntity, jobId: string, query: Omit<MessageQuery, 'limit' | 'cursor'>): AsyncGenerator<MessageRow[]> {
    await this.visibleJob(user, jobId);
    let cursor: string | undefined;
    for (;;) {
      const rows = await this.queryMessages(jobId, { ...query, limit: 2000, cursor }, 2000);
      if (rows.length === 0) return;
      yield rows;
      cursor = String(rows[rows.length - 1].id);
    }
  }

  /** Rows by id, as the Messages API returns them (for realtime pushes; no access check). */
  async messagesById(ids: string[]): Promise<Message[]> {
    const rows: MessageRow[] = await this.db.query(`SELECT ${MESSAGE_COLUMNS} FROM bulk_messages WHERE id = ANY($1::bigint[]) ORDER BY id`, [ids]);
    return rows.map(toMessage);
  }

  /** Jobs by id as committed now (for realtime pushes; no access check). */
  async jobsById(ids: string[]): Promise<Job[]> {
    if (ids.length === 0) return [];
    const rows: JobRow[] = await this.db.query(`SELECT ${JOB_COLUMNS} FROM bulk_jobs WHERE job_id = ANY($1::uuid[])`, [ids]);
    return rows.map(toJob);
  }

  async cancel(user: UserEntity, jobId: string): Promise<Job> {
    const job = await this.db.transaction(async (tx) => {
      const row = await this.visibleJob(user, jobId, tx, true);
      if (row.state === JobState.Completed) throw new ConflictException('The job has already completed: nothing is left to cancel');
      if (row.state === JobState.Cancelled) return row;
      const [updated] = await queryRows<JobRow>(tx, `UPDATE bulk_jobs SET state = $2 WHERE job_id = $1 RETURNING ${JOB_COLUMNS}`, [jobId, JobState.Cancelled]);
      return updated;
    });
    this.changes.publish({ jobs: [job], messageIds: new Map() });
    return toJob(job);
  }

  /** Failed messages go back to the queue; each will get a new message_id, the old one is remembered. */
  async retryFailed(user: UserEntity, jobId: string): Promise<Job> {
    const { job, ids } = await this.db.transaction(async (tx) => {
      const row = await this.visibleJob(user, jobId, tx, true);
      if (row.state === JobState.Cancelled) throw new ConflictException('The job was cancelled: create a follow-up job instead');
      const failed: MessageRow[] = await tx.query(
        `SELECT ${MESSAGE_COLUMNS} FROM bulk_messages WHERE job_id = $1 AND status = $2 FOR UPDATE`,
        [jobId, MessageStatus.Failed],
      );
      if (failed.length === 0) return { job: row, ids: [] as string[] };
      const ids = failed.map((m) => m.id);
      await tx.query(
        `INSERT INTO bulk_message_previous_ids (message_id, bulk_message_id)
         SELECT message_id, id FROM bulk_messages WHERE id = ANY($1::bigint[]) AND message_id IS NOT NULL`,
        [ids],
      );
      await tx.query(
        `UPDATE bulk_messages SET status = $2, message_id = NULL, claimed_at = NULL, sent_at = NULL, failed_at = NULL, failure_reason = NULL
          WHERE id = ANY($1::bigint[])`,
        [ids, SEND_STEPS.retry.to],
      );
      const deltas = failed.map((m) => {
        const before = trackingStateOf(m);
        return trackingDelta(before, markQueuedForRetry(before));
      });
      const [updated] = await applyJobDeltas(tx, new Map([[jobId, deltas]]));
      return { job: updated, ids };
    });
    this.changes.publish({ jobs: [job], messageIds: new Map([[jobId, ids]]) });
    this.wakeup.wake();
    return toJob(job);
  }

  private async queryMessages(jobId: string, query: Omit<MessageQuery, 'limit'> & { limit: number }, limit: number): Promise<MessageRow[]> {
    const digits = query.phone?.replace(/\D/g, '') ?? '';
    return this.db.query(
      `SELECT ${MESSAGE_COLUMNS} FROM bulk_messages
        WHERE job_id = $1
          AND ($2::text[] IS NULL OR status = ANY($2::text[]))
          AND ($3::text = '' OR phone LIKE '%' || $3 || '%')
          AND ($4::text IS NULL OR last_reply_key = $4)
          AND ($5::bigint IS NULL OR id > $5)
        ORDER BY id LIMIT $6`,
      [jobId, query.status.length ? query.status : null, digits, query.replyId || null, parseCursor(query.cursor), limit],
    );
  }

  private async visibleJob(user: UserEntity, jobId: string, tx: EntityManager = this.db.manager, lock = false): Promise<JobRow> {
    const row = await this.findVisible(tx, user, jobId, lock);
    if (!row) throw new NotFoundException(`No job with id ${jobId}`);
    return row;
  }

  private async findVisible(tx: EntityManager, user: UserEntity, jobId: string, lock = false): Promise<JobRow | null> {
    if (!UUID.test(jobId)) return null;
    const [row]: JobRow[] = await tx.query(
      `SELECT ${JOB_COLUMNS} FROM bulk_jobs WHERE job_id = $1 AND ($2::uuid IS NULL OR created_by = $2) ${lock ? 'FOR UPDATE' : ''}`,
      [jobId, user.role === ADMIN_ROLE ? null : user.id],
    );
    return row ?? null;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function parseCursor(cursor: string | undefined): string | null {
  if (!cursor) return null;
  if (!/^\d{1,18}$/.test(cursor)) throw new ProblemsException([{ path: 'cursor', message: 'cursor must be a nextCursor value from a previous page' }]);
  return cursor;
}

function defaultJobName(): string {
  return `Bulk job ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
