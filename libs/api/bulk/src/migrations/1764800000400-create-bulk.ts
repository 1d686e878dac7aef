import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateBulk1764800000400 implements MigrationInterface {
  name = 'CreateBulk1764800000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE bulk_jobs (
        job_id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        created_by uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        name text NOT NULL,
        state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sending', 'completed', 'cancelled')),
        total integer NOT NULL,
        body text NOT NULL,
        buttons_json jsonb NOT NULL DEFAULT '[]',
        template_json jsonb,
        status_summary_json jsonb NOT NULL,
        reply_summary_json jsonb NOT NULL DEFAULT '[]',
        completed_at timestamptz
      )`);
    await q.query('CREATE INDEX bulk_jobs_created_by ON bulk_jobs (created_by, created_at DESC)');
    await q.query(`
      CREATE TABLE bulk_messages (
        id bigserial PRIMARY KEY,
        message_id text,
        job_id uuid NOT NULL REFERENCES bulk_jobs(job_id) ON DELETE CASCADE,
        channel_id uuid NOT NULL,
        phone text NOT NULL,
        body text NOT NULL,
        buttons_json jsonb NOT NULL DEFAULT '[]',
        -- This recipient's rendered template parameters, when the job is a template.
        template_parameters text[],
        status text NOT NULL DEFAULT 'queued'
          CHECK (status IN ('queued', 'pending', 'sent', 'delivered', 'read', 'failed', 'replied')),
        claimed_at timestamptz,
        sent_at timestamptz,
        delivered_at timestamptz,
        read_at timestamptz,
        failed_at timestamptz,
        replied_at timestamptz,
        failure_reason text,
        last_reply_type text CHECK (last_reply_type IN ('text', 'buttons_reply', 'list_reply', 'other')),
        last_reply_payload_json jsonb,
        last_reply_id text,
        last_reply_title text,
        last_reply_text text,
        last_reply_at timestamptz,
        last_reply_key text
      )`);
    await q.query('CREATE UNIQUE INDEX bulk_messages_message_id ON bulk_messages (message_id)');
    await q.query('CREATE INDEX bulk_messages_job_status ON bulk_messages (job_id, status)');
    await q.query('CREATE INDEX bulk_messages_job_id ON bulk_messages (job_id, id)');
    await q.query('CREATE INDEX bulk_messages_reply_match ON bulk_messages (channel_id, phone, sent_at DESC)');
    await q.query(`CREATE INDEX bulk_messages_queued ON bulk_messages (channel_id, id) WHERE status = 'queued'`);
    await q.query(`CREATE INDEX bulk_messages_pending ON bulk_messages (channel_id, id) WHERE status = 'pending'`);
    // Ids a message had before retry-failed gave it a new one: late events for them are recognised, not applied.
    await q.query(`
      CREATE TABLE bulk_message_previous_ids (
        message_id text PRIMARY KEY,
        bulk_message_id bigint NOT NULL REFERENCES bulk_messages(id) ON DELETE CASCADE,
        replaced_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE bulk_message_previous_ids');
    await q.query('DROP TABLE bulk_messages');
    await q.query('DROP TABLE bulk_jobs');
  }
}
