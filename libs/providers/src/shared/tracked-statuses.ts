import { MessageStatus } from '@bluetick/contracts';
import type { TrackedStatus } from '../types';

const TRACKED: ReadonlySet<string> = new Set<TrackedStatus>([
  MessageStatus.Sent,
  MessageStatus.Delivered,
  MessageStatus.Read,
  MessageStatus.Failed,
]);

/** Whether a provider's status word is one we track under the same name. */
export function isTrackedStatus(value: string | undefined): value is TrackedStatus {
  return value !== undefined && TRACKED.has(value);
}

/**
 * Inbound message kinds that are a customer's answer but neither text nor a button /
 * list tap: they count as an `other` reply, labelled with the kind.
 */
export const OTHER_INBOUND_KINDS: ReadonlySet<string> = new Set([
  'image',
  'video',
  'audio',
  'voice',
  'document',
  'sticker',
  'location',
  'live_location',
  'contacts',
  'contact',
  'reaction',
  'gif',
  'short',
  'poll',
  'order',
  'link_preview',
  'unsupported',
]);
