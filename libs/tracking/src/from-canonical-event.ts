import type { ReplyContent, TrackedStatus, TrackingEvent } from './tracking-state';

/**
 * The parts of a provider adapter's CanonicalEvent (libs/providers) tracking needs;
 * structural so that tracking does not depend on the adapters.
 */
export interface CanonicalEventLike {
  type: 'status' | 'reply' | 'ignored' | 'unrecognized';
  status?: TrackedStatus;
  /** ISO-8601, or null when the payload had no time. */
  at: string | null;
  failureReason?: string | null;
  reply?: ReplyContent;
}

/** The tracking event for a stored canonical event, or null for events that change nothing. */
export function toTrackingEvent(event: CanonicalEventLike, receivedAt: Date): TrackingEvent | null {
  const at = parseTime(event.at) ?? receivedAt;
  if (event.type === 'status' && event.status) {
    return { kind: 'status', status: event.status, at, reason: event.failureReason ?? null };
  }
  if (event.type === 'reply' && event.reply) return { kind: 'reply', at, reply: event.reply };
  return null;
}

function parseTime(iso: string | null): Date | null {
  if (iso === null) return null;
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? null : at;
}
