import { MessageStatus, ReplyType } from '@bluetick/contracts';
import type { TrackedStatus } from '../types';

/**
 * Builders of the spec's payloads, so the sandbox simulator, fake providers in tests
 * and the normaliser's tests all produce them in one place.
 */

const unixSeconds = (at: Date): number => Math.floor(at.getTime() / 1000);

export interface SpecStatusInput {
  messageId: string;
  status: TrackedStatus;
  at?: Date;
  /** For `failed`: why. */
  reason?: string;
  errorCode?: string;
}

export type SpecReplyContent =
  | { type: typeof ReplyType.ButtonsReply | typeof ReplyType.ListReply; id: string; title: string; description?: string }
  | { type: typeof ReplyType.Text; text: string };

export interface SpecReplyInput {
  messageId: string;
  reply: SpecReplyContent;
  at?: Date;
  /** The customer's number, for providers that send it. */
  from?: string;
}

export type SpecWebhookItem = Record<string, unknown>;

export interface SpecWebhookPayload {
  event_id?: string;
  messages: SpecWebhookItem[];
}

export function specStatusItem({ messageId, status, at, reason, errorCode }: SpecStatusInput): SpecWebhookItem {
  return {
    message_id: messageId,
    type: 'status',
    status,
    ...(at && { timestamp: unixSeconds(at) }),
    ...(status === MessageStatus.Failed && reason !== undefined && { error: { ...(errorCode && { code: errorCode }), message: reason } }),
  };
}

export function specReplyItem({ messageId, reply, at, from }: SpecReplyInput): SpecWebhookItem {
  const common = { message_id: messageId, ...(from && { from }), ...(at && { timestamp: unixSeconds(at) }) };
  if (reply.type === ReplyType.Text) return { ...common, type: ReplyType.Text, text: { body: reply.text } };
  const choice = { id: reply.id, title: reply.title, ...(reply.description && { description: reply.description }) };
  return { ...common, type: 'reply', reply: { type: reply.type, [reply.type]: choice } };
}

export function buildSpecWebhookPayload(items: SpecWebhookItem[], eventId?: string): SpecWebhookPayload {
  return { ...(eventId && { event_id: eventId }), messages: items };
}

export function buildSpecStatusPayload(input: SpecStatusInput & { eventId?: string }): SpecWebhookPayload {
  return buildSpecWebhookPayload([specStatusItem(input)], input.eventId);
}

export function buildSpecReplyPayload(input: SpecReplyInput & { eventId?: string }): SpecWebhookPayload {
  return buildSpecWebhookPayload([specReplyItem(input)], input.eventId);
}

export interface SpecSendResultInput {
  to: string;
  at: Date;
  /** Omit for a failed item. */
  messageId?: string;
  error?: { code?: string; message: string };
}

/** The spec's Send API response, `{"messages": [{message_id, to, status, timestamp}]}`. */
export function buildSpecSendResponse(items: SpecSendResultInput[]): { messages: SpecWebhookItem[] } {
  return {
    messages: items.map(({ to, at, messageId, error }) => ({
      ...(messageId && { message_id: messageId }),
      to,
      status: error ? MessageStatus.Failed : MessageStatus.Sent,
      timestamp: unixSeconds(at),
      ...(error && { error }),
    })),
  };
}
