import { constantTimeBytesEqual } from '../shared/hashing';
import { firstHeader, headerValues, type HeaderBag } from '../shared/headers';
import type { VerifyResult } from '../types';
import { webhookSecretKey } from './secret';
import {
  SIGNATURE_VERSION,
  WEBHOOK_ID_HEADER,
  WEBHOOK_SIGNATURE_HEADER,
  WEBHOOK_TIMESTAMP_HEADER,
  signatureBytes,
} from './signature';

export const DEFAULT_TOLERANCE_SECONDS = 5 * 60;

export interface VerifyInput {
  secret: string;
  headers: HeaderBag;
  rawBody: Buffer | string;
  now: Date;
  toleranceSeconds?: number;
}

/**
 * Checks a Standard Webhooks delivery: all three headers, a timestamp within the
 * tolerance either way (replays and clock tricks), and at least one `v1,` signature
 * matching, compared in constant time. Other versions (e.g. v1a) are skipped.
 */
export function verifyStandardWebhook(input: VerifyInput): VerifyResult {
  const { headers, now, toleranceSeconds = DEFAULT_TOLERANCE_SECONDS } = input;
  const id = firstHeader(headers, WEBHOOK_ID_HEADER);
  const timestamp = firstHeader(headers, WEBHOOK_TIMESTAMP_HEADER);
  // Several signature headers (or one with several entries): any may match.
  const signatures = headerValues(headers, WEBHOOK_SIGNATURE_HEADER).join(' ').split(' ').filter(Boolean);
  if (!id) return fail(`missing ${WEBHOOK_ID_HEADER} header`);
  if (!timestamp) return fail(`missing ${WEBHOOK_TIMESTAMP_HEADER} header`);
  if (signatures.length === 0) return fail(`missing ${WEBHOOK_SIGNATURE_HEADER} header`);
  if (!/^\d+$/.test(timestamp)) return fail(`${WEBHOOK_TIMESTAMP_HEADER} must be unix seconds`);

  const skewSeconds = Math.abs(now.getTime() / 1000 - Number(timestamp));
  if (skewSeconds > toleranceSeconds) {
    return fail(`timestamp outside ${toleranceSeconds / 60}-minute tolerance (${Math.round(skewSeconds)} s off)`);
  }

  const key = webhookSecretKey(input.secret);
  if (key === null || key.length === 0) return fail('the endpoint secret is not a valid whsec_ secret');
  const expected = signatureBytes(key, id, timestamp, input.rawBody);
  const matches = signatures.some((entry) => {
    const [version, encoded] = entry.split(',', 2);
    return version === SIGNATURE_VERSION && !!encoded && constantTimeBytesEqual(Buffer.from(encoded, 'base64'), expected);
  });
  return matches ? { ok: true } : fail('signature does not match');
}

function fail(reason: string): VerifyResult {
  return { ok: false, reason };
}
