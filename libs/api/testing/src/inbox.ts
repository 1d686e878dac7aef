import { Client } from 'pg';

/** One stored bulk webhook event, as a test needs to see it (the admin API shows only the newest 50). */
export interface StoredBulkEvent {
  id: string;
  dedupeKey: string;
  messageId: string | null;
  eventType: string;
  outcome: string;
  attempts: number;
}

/** Every bulk_events row of a user, oldest first, read straight from the app's database. */
export async function storedBulkEvents(databaseUrl: string, userId: string): Promise<StoredBulkEvent[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT id, dedupe_key, message_id, event_type, outcome, attempts FROM bulk_events WHERE user_id = $1 ORDER BY id`,
      [userId],
    );
    return rows.map((r) => ({ id: String(r.id), dedupeKey: r.dedupe_key, messageId: r.message_id, eventType: r.event_type, outcome: r.outcome, attempts: r.attempts }));
  } finally {
    await client.end();
  }
}
