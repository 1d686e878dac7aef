// Starts one embedded PostgreSQL for the whole run unless DATABASE_URL names a server.
// Each test file then creates its own database on it (libs/api/testing).
import { startEmbeddedPostgres } from '../scripts/embedded-postgres.mjs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default async function globalSetup() {
  if (process.env.DATABASE_URL) {
    process.env.TEST_DATABASE_URL = process.env.DATABASE_URL;
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bluetick-test-'));
  const server = await startEmbeddedPostgres({ dataDir: dir, quiet: true });
  globalThis.__BLUETICK_PG__ = { server, dir };
  process.env.TEST_DATABASE_URL = server.url;
}
