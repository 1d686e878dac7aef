import { MessageStatus } from '@bluetick/contracts';
import { arrayAt, parseJson, recordAt, scalarAt, stringAt } from '../shared/json-reading';
import { phoneDigits } from '../shared/reply-ids';
import { httpFailureOutcome, isSuccess, shorten, unreadableSuccess } from '../shared/send-outcomes';
import type { HttpRequestSpec, HttpResponseSpec, SendItemResult, SendOutcome } from '../types';
import { parseSpecSendRequest } from './spec-send-request';

const API = 'Send API';

/**
 * Reads the spec's `{"messages": [{message_id, to, status, timestamp}]}`. Items are
 * matched to the request by order; when the count or a `to` disagrees, by `to` instead.
 */
export function parseSpecSendResponse(request: HttpRequestSpec, response: HttpResponseSpec, now: Date = new Date()): SendOutcome {
  if (!isSuccess(response)) return httpFailureOutcome(request.refs, response, now, API);
  const items = arrayAt(parseJson(response.body), 'messages');
  if (!items) return unreadableSuccess(request.refs, API, 'its response has no messages[] list');
  const sentTo = parseSpecSendRequest(request.body).map((item) => phoneDigits(item.to));
  const matched = matchByOrder(items, sentTo) ?? matchByRecipient(items, sentTo);
  return { kind: 'results', results: request.refs.map((ref, index) => itemResult(ref, matched[index])) };
}

function matchByOrder(items: unknown[], sentTo: (string | null)[]): unknown[] | null {
  if (items.length !== sentTo.length) return null;
  const agrees = items.every((item, index) => {
    const to = phoneDigits(stringAt(item, 'to'));
    return to === null || to === sentTo[index];
  });
  return agrees ? items : null;
}

function matchByRecipient(items: unknown[], sentTo: (string | null)[]): (unknown | undefined)[] {
  const byPhone = new Map<string, unknown[]>();
  for (const item of items) {
    const to = phoneDigits(stringAt(item, 'to'));
    if (to === null) continue;
    const queue = byPhone.get(to) ?? [];
    queue.push(item);
    byPhone.set(to, queue);
  }
  return sentTo.map((to) => (to === null ? undefined : byPhone.get(to)?.shift()));
}

function itemResult(ref: string, item: unknown): SendItemResult {
  if (item === undefined) {
    return {
      ref,
      error: {
        code: 'missing_in_response',
        reason: `the ${API} response has no entry for this recipient; it may have been sent, so it is not retried`,
        retryable: false,
      },
    };
  }
  const error = recordAt(item, 'error');
  if (stringAt(item, 'status') === MessageStatus.Failed) {
    const reason = stringAt(error, 'message');
    return {
      ref,
      error: {
        code: scalarAt(error, 'code') ?? MessageStatus.Failed,
        reason: reason ? shorten(reason) : `the ${API} reported this message as failed`,
        retryable: false,
      },
    };
  }
  const messageId = scalarAt(item, 'message_id');
  if (messageId) return { ref, messageId };
  return {
    ref,
    error: {
      code: 'no_message_id',
      reason: `the ${API} returned no message_id for this recipient; it may have been sent, so it is not retried`,
      retryable: false,
    },
  };
}
