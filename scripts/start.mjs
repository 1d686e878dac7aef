// `npm start`: builds what is missing, starts an embedded PostgreSQL when DATABASE_URL
// is unset, then runs the API (which also serves the SPA, Socket.IO and the workers).
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const require = createRequire(import.meta.url);

function fail(message) {
  console.error(`bluetick: ${message}`);
  process.exit(1);
}

function build() {
  const missing = [];
  if (!fs.existsSync('dist/api/apps/api/src/main.js') || process.env.BLUETICK_REBUILD === '1') missing.push('build:api');
  if (!fs.existsSync('dist/web/index.html') || process.env.BLUETICK_REBUILD === '1') missing.push('build:web');
  for (const script of missing) {
    console.log(`bluetick: building (${script})…`);
    execSync(`npm run --silent ${script}`, { stdio: 'inherit' });
  }
}

function assertPortFree(port, host) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', (err) =>
      fail(err.code === 'EADDRINUSE' ? `port ${port} is already in use: stop what uses it or set PORT` : `cannot listen on port ${port}: ${err.message}`),
    );
    probe.listen(port, host, () => probe.close(resolve));
  });
}

async function assertReachable(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (err) {
    const where = new URL(url);
    fail(`cannot reach the database at ${where.hostname}:${where.port || 5432}${where.pathname} (${err.message}): check DATABASE_URL`);
  } finally {
    await client.end().catch(() => {});
  }
}

function registerPaths() {
  const tsconfig = JSON.parse(fs.readFileSync('tsconfig.base.json', 'utf8'));
  const paths = Object.fromEntries(
    Object.entries(tsconfig.compilerOptions.paths).map(([alias, targets]) => [alias, targets.map((t) => t.replace(/\.ts$/, '.js'))]),
  );
  require('tsconfig-paths').register({ baseUrl: path.join(root, 'dist/api'), paths });
}

const port = Number(process.env.PORT ?? 3000);
await assertPortFree(port, process.env.HOST ?? '0.0.0.0');
build();

let database = null;
let databaseUrl = process.env.DATABASE_URL;
if (databaseUrl) {
  await assertReachable(databaseUrl);
} else {
  const { startEmbeddedPostgres } = await import('./embedded-postgres.mjs');
  const dataDir = path.resolve(process.env.DATA_DIR ?? '.data');
  database = await startEmbeddedPostgres({ dataDir }).catch((err) => fail(`the embedded PostgreSQL did not start: ${err.message}`));
  databaseUrl = database.url;
  console.log(`bluetick: embedded PostgreSQL ${database.fresh ? 'created' : 'started'} under ${dataDir}`);
}

registerPaths();
const { bootstrap } = require(path.join(root, 'dist/api/apps/api/src/main.js'));
let app;
try {
  app = await bootstrap(databaseUrl);
} catch (err) {
  console.error(err);
  await database?.stop();
  fail(`could not start: ${err.message}`);
}

let stopping = false;
async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`bluetick: ${signal}, shutting down`);
  await app.close().catch((err) => console.error(err));
  await database?.stop().catch((err) => console.error(err));
  process.exit(0);
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
