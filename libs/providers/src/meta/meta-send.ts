import { ProviderKind } from '@bluetick/contracts';
import { joinUrl, parseChannelConfig } from '../shared/channel-config';
import { jsonPost } from '../shared/json-post';
import { arrayAt, parseJson, recordAt, scalarAt, stringAt, valueAt } from '../shared/json-reading';
import { retryAfterMs } from '../shared/retry-after';
import { failAll, httpFailureOutcome, isSuccess, shorten, unreadableSuccess } from '../shared/send-outcomes';
import type { HttpRequestSpec, HttpResponseSpec, SendAdapter, SendOutcome } from '../types';
import { metaMessageBody } from './meta-message-body';

const API = 'WhatsApp Cloud API';

/**
 * Graph error codes that mean "too much, too fast": send the same request later.
 * The backoff is used when the response has no Retry-After.
 */
export const META_RATE_LIMIT_BACKOFF_MS: Readonly<Record<number, number>> = {
  4: 60_000, // app-level API call limit
  80007: 60_000, // WhatsApp Business Account rate limit
  130429: 2_000, // Cloud API throughput reached
  131056: 6_000, // pair rate limit: too many messages to the same customer
};
/** When HTTP 429 comes without a known code. */
const DEFAULT_META_BACKOFF_MS = 5_000;

/** One message per request: POST {graphApiBase}/{phoneNumberId}/messages. */
export const metaSendAdapter: SendAdapter = {
  maxBatch: 1,
  buildSendRequests(config, messages): HttpRequestSpec[] {
    const { graphApiBase, phoneNumberId, accessToken } = parseChannelConfig(ProviderKind.Meta, config);
    const url = joinUrl(graphApiBase, phoneNumberId, 'messages');
    return messages.map((message) => jsonPost(url, accessToken, metaMessageBody(message), [message.ref]));
  },
  parseSendResponse: parseMetaSendResponse,
};

export function parseMetaSendResponse(request: HttpRequestSpec, response: HttpResponseSpec, now: Date = new Date()): SendOutcome {
  const json = parseJson(response.body);
  if (isSuccess(response)) {
    const messageId = stringAt(arrayAt(json, 'messages')?.[0], 'id');
    if (!messageId) return unreadableSuccess(request.refs, API, 'its response has no messages[0].id');
    return { kind: 'results', results: request.refs.map((ref) => ({ ref, messageId })) };
  }
  const error = recordAt(json, 'error');
  if (!error) return httpFailureOutcome(request.refs, response, now, API);
  return graphErrorOutcome(request.refs, response, error, now);
}

/** Reads the documented Graph error object `{message, type, code, error_data: {details}, fbtrace_id}`. */
function graphErrorOutcome(
  refs: readonly string[],
  response: HttpResponseSpec,
  error: Record<string, unknown>,
  now: Date,
): SendOutcome {
  const code = Number(scalarAt(error, 'code'));
  const reason = shorten(stringAt(recordAt(error, 'error_data'), 'details') ?? stringAt(error, 'message') ?? `HTTP ${response.status}`);
  const backoff = META_RATE_LIMIT_BACKOFF_MS[code];
  if (backoff !== undefined || response.status === 429) {
    const retryAfter = retryAfterMs(response.headers, now) ?? backoff ?? DEFAULT_META_BACKOFF_MS;
    return { kind: 'retry', retryAfterMs: retryAfter, reason: `${API} rate limit (code ${scalarAt(error, 'code') ?? 'none'}): ${reason}` };
  }
  return failAll(refs, {
    code: scalarAt(error, 'code') ?? `http_${response.status}`,
    reason,
    retryable: response.status >= 500 || valueAt(error, 'is_transient') === true,
  });
}
