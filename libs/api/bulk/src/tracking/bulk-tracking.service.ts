import { Injectable } from '@nestjs/common';
import { DeliveryOutcome } from '@bluetick/contracts';
import type { CanonicalEvent } from '@bluetick/providers';
import { applyTrackingEvent, sameTrackingState, toTrackingEvent, trackingDelta, type MessageTrackingState, type TrackingDelta } from '@bluetick/tracking';
import type { EntityManager } from 'typeorm';
import type { BulkChange } from '../bulk-changes';
import { groupBy } from '@bluetick/api/core';
import { applyJobDeltas } from '../job-counters';
import { MESSAGE_COLUMNS, trackingColumnsOf, trackingStateOf, TRACKING_COLUMNS, type MessageRow } from '../message-row';

/** A stored webhook event, as the webhook processor hands it over. */
export interface InboxEvent {
  id: string;
  /** The user whose webhook received it: only their messages can match. */
  userId: string;
  event: Omit<CanonicalEvent, 'raw'>;
  receivedAt: Date;
  /** Until when a not-yet-matching event is retried before it is settled unmatched. */
  retryUntil: Date;
}

/** `retry`: no message matches yet (the webhook may have beaten our own send commit). */
export const RETRY = 'retry';
export type EventOutcome = Exclude<DeliveryOutcome, typeof DeliveryOutcome.Pending | typeof DeliveryOutcome.Unrecognized> | typeof RETRY;

const rowKey = (userId: string, messageId: string) => `${userId}|${messageId}`;

/**
 * Applies webhook events to bulk messages inside the caller's transaction: status
 * transitions by the precedence table, replies, and the counter deltas of the
 * transitions that really happened. Reprocessing the same events changes nothing.
 */
@Injectable()
export class BulkTrackingService {
  async apply(tx: EntityManager, events: InboxEvent[], now = new Date()): Promise<{ outcomes: Map<string, EventOutcome>; change: BulkChange }> {
    const outcomes = new Map<string, EventOutcome>();
    const applicable = events.filter((e) => toTrackingEvent(e.event, e.receivedAt) !== null);
    const applicableIds = new Set(applicable.map((e) => e.id));
    for (const e of events) if (!applicableIds.has(e.id)) outcomes.set(e.id, DeliveryOutcome.Rejected);

    const rows = await this.lockMatchingRows(tx, applicable);
    const superseded = await this.supersededIds(tx, applicable.filter((e) => !rows.byEvent.has(e.id)));
    const byRow = groupBy(applicable.filter((e) => rows.byEvent.has(e.id)), (e) => rows.byEvent.get(e.id)!.id, (e) => e);

    const updates: Array<{ row: MessageRow; state: MessageTrackingState }> = [];
    const deltas: Array<[string, TrackingDelta]> = [];
    for (const [rowId, rowEvents] of byRow) {
      const row = rows.byId.get(rowId)!;
      const before = trackingStateOf(row);
      let state = before;
      for (const e of rowEvents.sort((a, b) => eventTime(a) - eventTime(b))) {
        const result = applyTrackingEvent(state, toTrackingEvent(e.event, e.receivedAt)!);
        outcomes.set(e.id, result.changed ? DeliveryOutcome.Applied : DeliveryOutcome.Duplicate);
        state = result.state;
      }
      if (!sameTrackingState(before, state)) {
        updates.push({ row, state });
        deltas.push([row.job_id, trackingDelta(before, state)]);
      }
    }
    for (const e of applicable) {
      if (outcomes.has(e.id)) continue;
      if (superseded.has(e.id)) outcomes.set(e.id, DeliveryOutcome.Rejected);
      else outcomes.set(e.id, now >= e.retryUntil ? DeliveryOutcome.Unmatched : RETRY);
    }

    await this.writeStates(tx, updates);
    const jobs = await applyJobDeltas(tx, groupBy(deltas, ([jobId]) => jobId, ([, d]) => d));
    const messageIds = groupBy(updates, (u) => u.row.job_id, (u) => String(u.row.id));
    return { outcomes, change: { jobs, messageIds } };
  }

  /**
   * Rows by the id an event names, else (replies) the newest message sent to that phone.
   * Candidates are found first and then locked in one statement in id order, so
   * concurrent processors never deadlock.
   */
  private async lockMatchingRows(tx: EntityManager, events: InboxEvent[]) {
    const referenced = [...new Set(events.map((e) => e.event.messageId).filter((id): id is string => !!id))];
    const byPhone = events.filter((e) => !e.event.messageId && e.event.type === 'reply' && e.event.fromPhone);
    const candidates: Array<{ id: string }> = [
      ...(referenced.length ? await tx.query('SELECT id FROM bulk_messages WHERE message_id = ANY($1::text[])', [referenced]) : []),
      ...(await this.newestSentTo(tx, byPhone)),
    ];
    const locked: MessageRow[] = candidates.length
      ? await tx.query(`SELECT ${MESSAGE_COLUMNS} FROM bulk_messages WHERE id = ANY($1::bigint[]) ORDER BY id FOR UPDATE`, [candidates.map((c) => c.id)])
      : [];
    const byMessageId = new Map(locked.filter((r) => r.message_id).map((r) => [rowKey(r.channel_id, r.message_id!), r]));
    const newestByPhone = new Map<string, MessageRow>();
    for (const r of locked) {
      const key = rowKey(r.channel_id, r.phone);
      const current = newestByPhone.get(key);
      if (r.sent_at && (!current || (current.sent_at && r.sent_at > current.sent_at))) newestByPhone.set(key, r);
    }
    const byId = new Map<string, MessageRow>();
    const byEvent = new Map<string, MessageRow>();
    for (const e of events) {
      const row = e.event.messageId ? byMessageId.get(rowKey(e.userId, e.event.messageId)) : newestByPhone.get(rowKey(e.userId, e.event.fromPhone ?? ''));
      if (!row) continue;
      byId.set(row.id, row);
      byEvent.set(e.id, row);
    }
    return { byId, byEvent };
  }

  /** Ids of the newest sent message to each (channel, phone) that replies came from. */
  private async newestSentTo(tx: EntityManager, events: InboxEvent[]): Promise<Array<{ id: string }>> {
    if (events.length === 0) return [];
    return tx.query(
      `SELECT DISTINCT ON (m.channel_id, m.phone) m.id FROM bulk_messages m
         JOIN unnest($1::uuid[], $2::text[]) AS p(channel_id, phone) ON p.channel_id = m.channel_id AND p.phone = m.phone
        WHERE m.sent_at IS NOT NULL ORDER BY m.channel_id, m.phone, m.sent_at DESC, m.id DESC`,
      [events.map((e) => e.userId), events.map((e) => e.event.fromPhone!)],
    );
  }

  /** Events naming an id a message had before retry-failed: recognised, logged, not applied. */
  private async supersededIds(tx: EntityManager, events: InboxEvent[]): Promise<Set<string>> {
    const ids = [...new Set(events.map((e) => e.event.messageId).filter((id): id is string => !!id))];
    if (ids.length === 0) return new Set();
    const rows: Array<{ message_id: string; channel_id: string }> = await tx.query(
      `SELECT p.message_id, m.channel_id FROM bulk_message_previous_ids p JOIN bulk_messages m ON m.id = p.bulk_message_id WHERE p.message_id = ANY($1::text[])`,
      [ids],
    );
    const known = new Set(rows.map((r) => rowKey(r.channel_id, r.message_id)));
    return new Set(events.filter((e) => e.event.messageId && known.has(rowKey(e.userId, e.event.messageId))).map((e) => e.id));
  }

  private async writeStates(tx: EntityManager, updates: Array<{ row: MessageRow; state: MessageTrackingState }>): Promise<void> {
    if (updates.length === 0) return;
    const columns = updates.map((u) => trackingColumnsOf(u.state));
    const params: unknown[] = [updates.map((u) => u.row.id), ...TRACKING_COLUMNS.map((_, i) => columns.map((c) => c[i]))];
    const names = TRACKING_COLUMNS.map(([name]) => name);
    await tx.query(
      `UPDATE bulk_messages m SET ${names.map((n) => `${n} = v.${n}`).join(', ')}
         FROM unnest($1::bigint[], ${TRACKING_COLUMNS.map(([, type], i) => `$${i + 2}::${type}[]`).join(', ')}) AS v(id, ${names.join(', ')})
        WHERE m.id = v.id`,
      params,
    );
  }
}

function eventTime(e: InboxEvent): number {
  return e.event.at ? Date.parse(e.event.at) : e.receivedAt.getTime();
}
