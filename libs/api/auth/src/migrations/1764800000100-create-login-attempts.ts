import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateLoginAttempts1764800000100 implements MigrationInterface {
  name = 'CreateLoginAttempts1764800000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE login_attempts (
        key text PRIMARY KEY,
        failures integer NOT NULL,
        window_started_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE login_attempts');
  }
}
