import { createHmac } from 'node:crypto';
import { webhookSecretKey } from './secret';

export const WEBHOOK_ID_HEADER = 'webhook-id';
export const WEBHOOK_TIMESTAMP_HEADER = 'webhook-timestamp';
export const WEBHOOK_SIGNATURE_HEADER = 'webhook-signature';
export const SIGNATURE_VERSION = 'v1';

/** HMAC-SHA256 over `${id}.${timestamp}.${body}`, keyed by the secret's bytes. */
export function signatureBytes(key: Buffer, id: string, timestamp: string, body: Buffer | string): Buffer {
  return createHmac('sha256', key).update(`${id}.${timestamp}.`).update(body).digest();
}

export interface SignInput {
  secret: string;
  /** The delivery's id: the same for every retry of one delivery. */
  id: string;
  /** Unix seconds, or a Date. */
  timestamp: number | Date;
  body: Buffer | string;
}

export type StandardWebhookHeaders = Record<
  typeof WEBHOOK_ID_HEADER | typeof WEBHOOK_TIMESTAMP_HEADER | typeof WEBHOOK_SIGNATURE_HEADER,
  string
>;

/** The three headers a Standard Webhooks sender adds (used by the sandbox and by tests). */
export function signStandardWebhook({ secret, id, timestamp, body }: SignInput): StandardWebhookHeaders {
  const key = webhookSecretKey(secret);
  if (key === null) throw new Error('cannot sign: the secret is not a whsec_ base64 secret');
  const seconds = String(timestamp instanceof Date ? Math.floor(timestamp.getTime() / 1000) : Math.floor(timestamp));
  return {
    [WEBHOOK_ID_HEADER]: id,
    [WEBHOOK_TIMESTAMP_HEADER]: seconds,
    [WEBHOOK_SIGNATURE_HEADER]: `${SIGNATURE_VERSION},${signatureBytes(key, id, seconds, body).toString('base64')}`,
  };
}
