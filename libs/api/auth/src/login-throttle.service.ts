import { Injectable } from '@nestjs/common';
import { TooManyRequestsException } from '@bluetick/api/core';
import { DataSource } from 'typeorm';

const WINDOW_SECONDS = 15 * 60;
const MAX_FAILURES_PER_EMAIL_AND_IP = 5;
const MAX_FAILURES_PER_IP = 50;

/**
 * Counts failed logins per (email, IP) and per IP in PostgreSQL, so the limit
 * holds across instances. A success clears the (email, IP) count.
 */
@Injectable()
export class LoginThrottleService {
  constructor(private readonly db: DataSource) {}

  async assertAllowed(email: string, ip: string): Promise<void> {
    const rows: Array<{ key: string; failures: number; retry_after: number }> = await this.db.query(
      `SELECT key, failures,
              CEIL(EXTRACT(EPOCH FROM window_started_at + make_interval(secs => $2) - now()))::int AS retry_after
         FROM login_attempts
        WHERE key = ANY($1) AND window_started_at > now() - make_interval(secs => $2)`,
      [[pairKey(email, ip), ipKey(ip)], WINDOW_SECONDS],
    );
    const blocked = rows.find(
      (r) => r.failures >= (r.key.startsWith('ip:') ? MAX_FAILURES_PER_IP : MAX_FAILURES_PER_EMAIL_AND_IP),
    );
    if (!blocked) return;
    const retryAfterSeconds = Math.max(1, blocked.retry_after);
    throw new TooManyRequestsException(
      `Too many failed sign-ins; try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s)`,
      retryAfterSeconds,
    );
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    await this.db.query(
      `INSERT INTO login_attempts (key, failures, window_started_at)
       SELECT k, 1, now() FROM unnest($1::text[]) AS k
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN login_attempts.window_started_at > now() - make_interval(secs => $2)
                         THEN login_attempts.failures + 1 ELSE 1 END,
         window_started_at = CASE WHEN login_attempts.window_started_at > now() - make_interval(secs => $2)
                                  THEN login_attempts.window_started_at ELSE now() END`,
      [[pairKey(email, ip), ipKey(ip)], WINDOW_SECONDS],
    );
  }

  async recordSuccess(email: string, ip: string): Promise<void> {
    await this.db.query('DELETE FROM login_attempts WHERE key = $1', [pairKey(email, ip)]);
  }
}

const pairKey = (email: string, ip: string) => `pair:${email.toLowerCase()}|${ip}`;
const ipKey = (ip: string) => `ip:${ip}`;
