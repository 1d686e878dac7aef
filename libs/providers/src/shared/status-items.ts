import { MessageStatus } from '@bluetick/contracts';
import type { CanonicalEvent } from '../types';
import { contentKey, ignoredEvent, statusEvent, unrecognizedEvent } from './canonical-events';
import { stringAt, valueAt } from './json-reading';
import { unixTimeToIso } from './time';
import { isTrackedStatus } from './tracked-statuses';

export interface StatusItemRules {
  /** Dedupe-key namespace: `${prefix}:status:${id}:${status}`. */
  prefix: string;
  /** Status words understood and deliberately not applied. */
  ignored: ReadonlySet<string>;
  failureReason: (item: unknown) => string | null;
}

/**
 * A `{id, status, timestamp}` status item (Meta and Whapi share this shape). With no
 * event id, a status is identified by (message id, status): a provider retry of it
 * gives the same key.
 */
export function statusItemEvent(item: unknown, rules: StatusItemRules): CanonicalEvent {
  const id = stringAt(item, 'id');
  const status = stringAt(item, 'status');
  if (!id || !status) return unrecognizedEvent(contentKey(rules.prefix, item), item, id ?? null);
  const dedupeKey = `${rules.prefix}:status:${id}:${status}`;
  if (rules.ignored.has(status)) return ignoredEvent(dedupeKey, item, id);
  if (!isTrackedStatus(status)) return unrecognizedEvent(dedupeKey, item, id);
  return statusEvent({
    dedupeKey,
    messageId: id,
    status,
    at: unixTimeToIso(valueAt(item, 'timestamp')),
    failureReason: status === MessageStatus.Failed ? rules.failureReason(item) : null,
    raw: item,
  });
}
