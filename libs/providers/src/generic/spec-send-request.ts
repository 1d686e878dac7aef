import type { Button } from '@bluetick/contracts';
import { chunk, jsonPost } from '../shared/json-post';
import { arrayAt, parseJson, stringAt } from '../shared/json-reading';
import type { HttpRequestSpec, OutboundMessage } from '../types';

/** Messages per Send API call. */
export const SPEC_MAX_BATCH = 100;

/** One entry of the spec's Send API request body. */
export interface SpecOutboundItem {
  to: string;
  body: string;
  buttons: Button[];
}

/** POST {url} {"messages": [{to, body, buttons}, …]} in batches of SPEC_MAX_BATCH. */
export function buildSpecSendRequests(url: string, token: string, messages: readonly OutboundMessage[]): HttpRequestSpec[] {
  return chunk(messages, SPEC_MAX_BATCH).map((batch) =>
    jsonPost(
      url,
      token,
      { messages: batch.map(({ to, body, buttons }): SpecOutboundItem => ({ to, body, buttons })) },
      batch.map((message) => message.ref),
    ),
  );
}

/** The items of a spec Send API request body, in order (for the sandbox simulator and response matching). */
export function parseSpecSendRequest(body: string): SpecOutboundItem[] {
  return (arrayAt(parseJson(body), 'messages') ?? []).map((item) => ({
    to: stringAt(item, 'to') ?? '',
    body: stringAt(item, 'body') ?? '',
    buttons: (arrayAt(item, 'buttons') ?? []).map((button) => ({
      id: stringAt(button, 'id') ?? '',
      title: stringAt(button, 'title') ?? '',
    })),
  }));
}
