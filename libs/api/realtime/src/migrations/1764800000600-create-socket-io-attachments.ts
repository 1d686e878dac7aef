import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Where @socket.io/postgres-adapter puts payloads too big for a NOTIFY (8 kB). */
export class CreateSocketIoAttachments1764800000600 implements MigrationInterface {
  name = 'CreateSocketIoAttachments1764800000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE socket_io_attachments (
        id bigserial UNIQUE,
        created_at timestamptz DEFAULT now(),
        payload bytea
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE socket_io_attachments');
  }
}
