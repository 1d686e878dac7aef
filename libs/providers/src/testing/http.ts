import type { HttpResponseSpec, OutboundMessage, WebhookRequest } from '../types';

export const NOW = new Date('2025-10-29T14:00:00.000Z');
export const NOW_SECONDS = Math.floor(NOW.getTime() / 1000);

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponseSpec {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) };
}

export function webhookRequest(body: unknown, headers: WebhookRequest['headers'] = {}): WebhookRequest {
  return { headers, rawBody: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)) };
}

export const outbound = (ref: string, to: string, overrides: Partial<OutboundMessage> = {}): OutboundMessage => ({
  ref,
  to,
  body: 'Your order is ready. Confirm pickup?',
  buttons: [],
  ...overrides,
});

export const BUTTONS = [
  { id: 'b1', title: 'Confirm' },
  { id: 'b2', title: 'Reschedule' },
  { id: 'b3', title: 'Cancel' },
];
