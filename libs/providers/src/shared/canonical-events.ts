import type { CanonicalEvent, CanonicalReply, TrackedStatus } from '../types';
import { canonicalJson, sha256Hex } from './hashing';

/** Dedupe key for an item with no identity of its own: a hash of its content. */
export function contentKey(prefix: string, raw: unknown): string {
  return `${prefix}:sha256:${sha256Hex(canonicalJson(raw))}`;
}

export function statusEvent(fields: {
  dedupeKey: string;
  messageId: string;
  status: TrackedStatus;
  at: string | null;
  failureReason?: string | null;
  raw: unknown;
}): CanonicalEvent {
  return {
    dedupeKey: fields.dedupeKey,
    type: 'status',
    messageId: fields.messageId,
    status: fields.status,
    at: fields.at,
    failureReason: fields.failureReason ?? null,
    raw: fields.raw,
  };
}

export function replyEvent(fields: {
  dedupeKey: string;
  messageId: string | null;
  at: string | null;
  fromPhone: string | null;
  reply: CanonicalReply;
  raw: unknown;
}): CanonicalEvent {
  return { type: 'reply', ...fields };
}

export function ignoredEvent(dedupeKey: string, raw: unknown, messageId: string | null = null): CanonicalEvent {
  return { dedupeKey, type: 'ignored', messageId, at: null, raw };
}

export function unrecognizedEvent(dedupeKey: string, raw: unknown, messageId: string | null = null): CanonicalEvent {
  return { dedupeKey, type: 'unrecognized', messageId, at: null, raw };
}
