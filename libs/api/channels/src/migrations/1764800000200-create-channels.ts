import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateChannels1764800000200 implements MigrationInterface {
  name = 'CreateChannels1764800000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE channels (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        provider text NOT NULL CHECK (provider IN ('sandbox', 'generic', 'meta', 'whapi')),
        config jsonb NOT NULL DEFAULT '{}',
        rate_limit_per_second integer NOT NULL DEFAULT 80 CHECK (rate_limit_per_second BETWEEN 1 AND 100000),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE channels');
  }
}
