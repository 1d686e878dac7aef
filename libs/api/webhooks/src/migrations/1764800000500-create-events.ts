import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateEvents1764800000500 implements MigrationInterface {
  name = 'CreateEvents1764800000500';

  async up(q: QueryRunner): Promise<void> {
    // The bulk webhook's inbox and audit log: stored before the 200, processed after.
    await q.query(`
      CREATE TABLE bulk_events (
        id bigserial PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        dedupe_key text NOT NULL,
        message_id text,
        event_type text NOT NULL,
        event_json jsonb NOT NULL,
        payload_json jsonb,
        received_at timestamptz NOT NULL DEFAULT now(),
        processed_at timestamptz,
        outcome text NOT NULL DEFAULT 'pending'
          CHECK (outcome IN ('pending', 'applied', 'duplicate', 'unmatched', 'unrecognized', 'rejected')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        -- A webhook can beat our own send commit: an unmatched event is retried until then.
        retry_until timestamptz NOT NULL DEFAULT now() + interval '5 minutes',
        UNIQUE (user_id, dedupe_key)
      )`);
    await q.query(`CREATE INDEX bulk_events_pending ON bulk_events (next_attempt_at, id) WHERE outcome = 'pending'`);
    await q.query('CREATE INDEX bulk_events_message_id ON bulk_events (message_id)');
    await q.query('CREATE INDEX bulk_events_recent ON bulk_events (user_id, id DESC)');
    // The Workflow webhook's own log: never mixed with bulk messages or counters.
    await q.query(`
      CREATE TABLE workflow_events (
        id bigserial PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        dedupe_key text NOT NULL,
        message_id text,
        event_type text NOT NULL,
        event_json jsonb NOT NULL,
        payload_json jsonb,
        received_at timestamptz NOT NULL DEFAULT now(),
        outcome text NOT NULL DEFAULT 'applied',
        UNIQUE (user_id, dedupe_key)
      )`);
    await q.query('CREATE INDEX workflow_events_recent ON workflow_events (user_id, id DESC)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE workflow_events');
    await q.query('DROP TABLE bulk_events');
  }
}
