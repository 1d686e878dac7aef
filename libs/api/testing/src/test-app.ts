import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp, type BluetickApp } from '@bluetick/api-app';
import type { AppConfig } from '@bluetick/api/core';
import type { CreateUserInput, LoginResponse, User } from '@bluetick/contracts';
import { request, type HttpResult } from './http';
import { createTestDatabase } from './test-database';

export const TEST_ADMIN = { email: 'admin@test.local', password: 'admin-password-1' };

export interface TestApp {
  app: BluetickApp;
  config: AppConfig;
  baseUrl: string;
  adminToken: string;
  http<T = any>(method: string, path: string, options?: Parameters<typeof request>[3]): Promise<HttpResult<T>>;
  login(email: string, password: string): Promise<string>;
  /** Creates a user through the admin API and signs them in. */
  createUser(input?: Partial<CreateUserInput>): Promise<{ user: User; token: string; password: string }>;
  close(): Promise<void>;
}

/** The real app, on a real port, against a database of its own. */
export async function startTestApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const database = overrides.databaseUrl ? null : await createTestDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bluetick-app-'));
  const config: AppConfig = {
    port: 0,
    host: '127.0.0.1',
    databaseUrl: database?.url ?? '',
    dataDir,
    publicUrl: 'http://bluetick.test',
    jwtSecret: randomBytes(32).toString('hex'),
    tokenTtlMinutes: 60,
    admin: { ...TEST_ADMIN },
    demo: false,
    workers: true,
    webRoot: path.resolve('dist/web'),
    // Generous: a loaded CI box must not turn slow answers into "outcome unknown".
    sendTimeoutMs: 10_000,
    ...overrides,
  };
  const app = await createApp(config, { quiet: true });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const http = <T = any>(method: string, p: string, options?: Parameters<typeof request>[3]) => request<T>(baseUrl, method, p, options);
  const login = async (email: string, password: string) => {
    const res = await http<LoginResponse>('POST', '/api/auth/login', { body: { email, password } });
    if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${res.text}`);
    return res.body.accessToken;
  };
  const adminToken = await login(TEST_ADMIN.email, TEST_ADMIN.password);
  let seq = 0;
  return {
    app,
    config,
    baseUrl,
    adminToken,
    http,
    login,
    async createUser(input = {}) {
      seq += 1;
      const password = input.password ?? `password-${seq}-${randomBytes(4).toString('hex')}`;
      const body = { email: `user${seq}-${randomBytes(3).toString('hex')}@test.local`, name: `User ${seq}`, role: 'operator', ...input, password };
      const res = await http<User>('POST', '/api/admin/users', { token: adminToken, body });
      if (res.status !== 201) throw new Error(`create user failed: ${res.status} ${res.text}`);
      return { user: res.body, token: await login(body.email, password), password };
    },
    async close() {
      await app.close();
      await database?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
