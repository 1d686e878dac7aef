import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AppConfig } from '@bluetick/api/core';

type Env = Record<string, string | undefined>;

/** The JWT key: JWT_SECRET, else one generated on first start and kept in DATA_DIR. */
function jwtSecretFrom(env: Env, dataDir: string): string {
  if (env.JWT_SECRET) return env.JWT_SECRET;
  const file = path.join(dataDir, 'jwt-secret');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = crypto.randomBytes(48).toString('base64url');
  fs.writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

function portFrom(value: string | undefined): number {
  if (value === undefined || value === '') return 3000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a number from 0 to 65535, got "${value}"`);
  return port;
}

/** Reads api.md's environment table. `databaseUrl` is filled by the launcher when embedded. */
export function configFromEnv(env: Env = process.env, databaseUrl = env.DATABASE_URL ?? ''): AppConfig {
  const port = portFrom(env.PORT);
  const dataDir = path.resolve(env.DATA_DIR ?? './.data');
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl,
    dataDir,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    jwtSecret: jwtSecretFrom(env, dataDir),
    tokenTtlMinutes: Number(env.TOKEN_TTL_MINUTES ?? 12 * 60),
    admin: { email: (env.ADMIN_EMAIL ?? 'admin@localhost').toLowerCase(), password: env.ADMIN_PASSWORD || null },
    demo: env.DEMO === undefined || env.DEMO === '' ? 'auto' : env.DEMO === '1' || env.DEMO === 'true',
    workers: env.WORKERS !== '0',
    webRoot: path.resolve(env.WEB_ROOT ?? 'dist/web'),
    sendTimeoutMs: Number(env.SEND_TIMEOUT_MS ?? 30_000),
  };
}
