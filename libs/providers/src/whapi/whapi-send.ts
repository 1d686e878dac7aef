import { ProviderKind } from '@bluetick/contracts';
import { joinUrl, parseChannelConfig } from '../shared/channel-config';
import { jsonPost } from '../shared/json-post';
import { parseJson, recordAt, stringAt, valueAt } from '../shared/json-reading';
import { errorMessageOf, failAll, httpFailureOutcome, isSuccess, unreadableSuccess } from '../shared/send-outcomes';
import type { HttpRequestSpec, HttpResponseSpec, OutboundMessage, SendAdapter, SendOutcome } from '../types';

const API = 'Whapi';

/** POST /messages/text, or /messages/interactive with quick-reply buttons. */
function whapiRequestBody(message: OutboundMessage): { path: string; body: Record<string, unknown> } {
  if (message.buttons.length === 0) return { path: 'messages/text', body: { to: message.to, body: message.body } };
  return {
    path: 'messages/interactive',
    body: {
      to: message.to,
      type: 'button',
      body: { text: message.body },
      action: { buttons: message.buttons.map(({ id, title }) => ({ type: 'quick_reply', title, id })) },
    },
  };
}

export const whapiSendAdapter: SendAdapter = {
  maxBatch: 1,
  buildSendRequests(config, messages): HttpRequestSpec[] {
    const { apiBase, token } = parseChannelConfig(ProviderKind.Whapi, config);
    return messages.map((message) => {
      const { path, body } = whapiRequestBody(message);
      return jsonPost(joinUrl(apiBase, path), token, body, [message.ref]);
    });
  },
  parseSendResponse: parseWhapiSendResponse,
};

/** `{sent: true, message: {id, …}}`; `sent: false` fails the message with Whapi's message. */
export function parseWhapiSendResponse(request: HttpRequestSpec, response: HttpResponseSpec, now: Date = new Date()): SendOutcome {
  if (!isSuccess(response)) return httpFailureOutcome(request.refs, response, now, API);
  const json = parseJson(response.body);
  const messageId = stringAt(recordAt(json, 'message'), 'id');
  if (valueAt(json, 'sent') === false) {
    const detail = errorMessageOf(response.body);
    return failAll(request.refs, { code: 'not_sent', reason: `${API} did not send it${detail ? `: ${detail}` : ''}`, retryable: false });
  }
  if (!messageId) return unreadableSuccess(request.refs, API, 'its response has no message.id');
  return { kind: 'results', results: request.refs.map((ref) => ({ ref, messageId })) };
}
