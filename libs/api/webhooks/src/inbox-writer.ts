import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { GroupCommit } from '@bluetick/api/core';
import { DeliveryOutcome, WebhookKind } from '@bluetick/contracts';
import type { CanonicalEvent } from '@bluetick/providers';
import { DataSource } from 'typeorm';

/** A canonical event of one user's webhook, ready to store. */
export interface IncomingEvent {
  userId: string;
  event: CanonicalEvent;
}

/** The outcome stored with the event: final at once for what processing cannot change. */
export function initialOutcome(event: CanonicalEvent): DeliveryOutcome {
  if (event.type === 'unrecognized') return DeliveryOutcome.Unrecognized;
  if (event.type === 'ignored') return DeliveryOutcome.Rejected;
  return DeliveryOutcome.Pending;
}

export function eventTypeOf(event: CanonicalEvent): string {
  if (event.type === 'status') return `status:${event.status}`;
  if (event.type === 'reply') return `reply:${event.reply?.type}`;
  return event.type;
}

const TABLES: Record<WebhookKind, string> = { bulk: 'bulk_events', workflow: 'workflow_events' };

/**
 * Stores events durably before the webhook answers 200. Concurrent requests share one
 * INSERT (group commit); duplicates of already stored events are skipped by the unique key.
 */
@Injectable()
export class InboxWriter {
  private readonly writers: Record<WebhookKind, GroupCommit<IncomingEvent, boolean>>;

  constructor(@InjectDataSource() private readonly db: DataSource) {
    this.writers = {
      bulk: new GroupCommit((items) => this.insert(WebhookKind.Bulk, items)),
      workflow: new GroupCommit((items) => this.insert(WebhookKind.Workflow, items)),
    };
  }

  /** Resolves once stored; true for each event that was new. */
  store(kind: WebhookKind, events: IncomingEvent[]): Promise<boolean[]> {
    return events.length ? this.writers[kind].submit(events) : Promise.resolve([]);
  }

  private async insert(kind: WebhookKind, batch: IncomingEvent[]): Promise<boolean[]> {
    // Unique-key locks taken in one order by every instance: concurrent batches never deadlock.
    const items = [...batch].sort((a, b) => compare(a.userId, b.userId) || compare(a.event.dedupeKey, b.event.dedupeKey));
    const withOutcome = kind === WebhookKind.Bulk;
    const inserted: Array<{ user_id: string; dedupe_key: string }> = await this.db.query(
      `INSERT INTO ${TABLES[kind]} (user_id, dedupe_key, message_id, event_type, event_json, payload_json${withOutcome ? ', outcome' : ''})
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::jsonb[]${withOutcome ? ', $7::text[]' : ''})
       ON CONFLICT (user_id, dedupe_key) DO NOTHING
       RETURNING user_id, dedupe_key`,
      [
        items.map((i) => i.userId),
        items.map((i) => i.event.dedupeKey),
        items.map((i) => i.event.messageId),
        items.map((i) => eventTypeOf(i.event)),
        items.map((i) => JSON.stringify({ ...i.event, raw: undefined })),
        items.map((i) => JSON.stringify(i.event.raw ?? null)),
        ...(withOutcome ? [items.map((i) => initialOutcome(i.event))] : []),
      ],
    );
    const fresh = new Set(inserted.map((r) => `${r.user_id}|${r.dedupe_key}`));
    // The same key twice in one batch: only its first occurrence is new.
    const seen = new Set<string>();
    return batch.map((i) => {
      const key = `${i.userId}|${i.event.dedupeKey}`;
      const isNew = fresh.has(key) && !seen.has(key);
      seen.add(key);
      return isNew;
    });
  }
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
