import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateWebhookEndpoints1764800000300 implements MigrationInterface {
  name = 'CreateWebhookEndpoints1764800000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhook_endpoints (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('bulk', 'workflow')),
        key text NOT NULL UNIQUE,
        secret text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        rotated_at timestamptz,
        UNIQUE (user_id, kind)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE webhook_endpoints');
  }
}
