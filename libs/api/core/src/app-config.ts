/** Runtime settings, read once from the environment by apps/api/src/config.ts. */
export interface AppConfig {
  port: number;
  /** Host to bind; 0.0.0.0 for servers, 127.0.0.1 in tests. */
  host: string;
  databaseUrl: string;
  dataDir: string;
  publicUrl: string;
  jwtSecret: string;
  /** Minutes an access token stays valid. */
  tokenTtlMinutes: number;
  admin: { email: string; password: string | null };
  /** Create a demo operator; 'auto' does so only on an empty database. */
  demo: boolean | 'auto';
  /** Background workers (sender, webhook processor). Off only in narrowly scoped tests. */
  workers: boolean;
  /** Where the built SPA lives; null serves none. */
  webRoot: string | null;
  /** How long a Send API call may take before its outcome counts as unknown. */
  sendTimeoutMs: number;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
