import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DeliveryOutcome, type RecentDelivery, type WebhookKind } from '@bluetick/contracts';
import { DataSource } from 'typeorm';
import { WebhookWakeup } from './webhook-wakeup';

const REPROCESSABLE: DeliveryOutcome[] = [DeliveryOutcome.Unmatched, DeliveryOutcome.Unrecognized];

/** What arrived at a user's webhooks, for the admin's User Details. */
@Injectable()
export class WebhookEventsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly wakeup: WebhookWakeup,
  ) {}

  async recentFor(userId: string, limit = 50): Promise<RecentDelivery[]> {
    const rows: Array<{ id: string; kind: WebhookKind; received_at: Date; outcome: DeliveryOutcome; event_type: string; message_id: string | null }> =
      await this.db.query(
        `(SELECT id, 'bulk' AS kind, received_at, outcome, event_type, message_id FROM bulk_events WHERE user_id = $1 ORDER BY id DESC LIMIT $2)
         UNION ALL
         (SELECT id, 'workflow' AS kind, received_at, outcome, event_type, message_id FROM workflow_events WHERE user_id = $1 ORDER BY id DESC LIMIT $2)
         ORDER BY received_at DESC, id DESC LIMIT $2`,
        [userId, limit],
      );
    return rows.map((r) => ({ id: String(r.id), receivedAt: r.received_at.toISOString(), kind: r.kind, outcome: r.outcome, eventType: r.event_type, messageId: r.message_id }));
  }

  /** After fixing configuration, an admin sends an unmatched or unrecognized bulk event through processing again. */
  async reprocess(userId: string, eventId: string): Promise<void> {
    if (!/^\d{1,18}$/.test(eventId)) throw new NotFoundException('No such delivery');
    const updated: [unknown[], number] = await this.db.query(
      `UPDATE bulk_events SET outcome = $4, attempts = 0, next_attempt_at = now(), retry_until = now() + interval '5 minutes', processed_at = NULL
        WHERE id = $1 AND user_id = $2 AND outcome = ANY($3::text[])`,
      [eventId, userId, REPROCESSABLE, DeliveryOutcome.Pending],
    );
    if (updated[1] === 0) throw new NotFoundException(`No ${REPROCESSABLE.join(' or ')} bulk delivery ${eventId} for this user`);
    this.wakeup.wake();
  }
}
