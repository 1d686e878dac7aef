import type { Button, MessageStatus, ProviderKind, ReplyType } from '@bluetick/contracts';

/** An approved WhatsApp template (Meta): required outside the 24-hour window. */
export interface TemplateSpec {
  name: string;
  language: string;
  bodyParameters: string[];
  /** Quick-reply button payloads, in button order. */
  quickReplyPayloads?: string[];
}

/** One message to send, as the send pipeline hands it to an adapter. */
export interface OutboundMessage {
  /** Our own id of the row (bulk_messages.id): ties a result back to its row. */
  ref: string;
  /** E.164 digits, no plus. */
  to: string;
  body: string;
  buttons: Button[];
  template?: TemplateSpec;
}

/** A fully built HTTP request; the caller does the I/O. */
export interface HttpRequestSpec {
  method: 'POST';
  url: string;
  headers: Record<string, string>;
  body: string;
  /** Refs of the messages this request carries, in order. */
  refs: string[];
}

export interface HttpResponseSpec {
  status: number;
  headers: Record<string, string | undefined>;
  body: string;
}

export interface SendError {
  code: string;
  reason: string;
  /** True when the same request may be sent again later (rate limits, 5xx before acceptance). */
  retryable: boolean;
}

export type SendItemResult = { ref: string; messageId: string } | { ref: string; error: SendError };

export type SendOutcome =
  /** Per-recipient results; every ref of the request appears once. */
  | { kind: 'results'; results: SendItemResult[] }
  /** The whole request was refused for now (429, Retry-After, throttling codes): send it again later. */
  | { kind: 'retry'; retryAfterMs: number; reason: string };

export interface SendAdapter {
  /** How many messages one request may carry. */
  readonly maxBatch: number;
  buildSendRequests(config: Record<string, unknown>, messages: OutboundMessage[]): HttpRequestSpec[];
  /** `now`: reference for an HTTP-date Retry-After when the response has no `Date` header. */
  parseSendResponse(request: HttpRequestSpec, response: HttpResponseSpec, now?: Date): SendOutcome;
}

export interface CanonicalReply {
  type: ReplyType;
  /** Button id, list row id (after the `:` when present) or null. */
  id: string | null;
  /** Button or list title; for `other`, the kind of message ("image", "location"). */
  title: string | null;
  /** Text body for text replies; list row description when given. */
  text: string | null;
  /** The provider's raw reply item, kept for audit and the hover view. */
  payload: unknown;
}

export type TrackedStatus = Extract<MessageStatus, 'sent' | 'delivered' | 'read' | 'failed'>;

/** One provider event in our own terms, ready to be stored in bulk_events. */
export interface CanonicalEvent {
  /** Unique per real-world event: a provider retry of the same event gives the same key. */
  dedupeKey: string;
  /** `ignored`: understood and deliberately not applied (e.g. Whapi's echo of our own send). */
  type: 'status' | 'reply' | 'ignored' | 'unrecognized';
  /** The provider message id the event is about (status target, or the message a reply quotes). */
  messageId: string | null;
  status?: TrackedStatus;
  /** When the provider says it happened (ISO-8601), null if the payload has no time. */
  at: string | null;
  failureReason?: string | null;
  /** Sender of an inbound reply (E.164 digits), for matching replies without a quoted id. */
  fromPhone?: string | null;
  reply?: CanonicalReply;
  /**
   * The provider account the event belongs to when the payload names one (Meta:
   * `metadata.phone_number_id`): one Meta app may carry several numbers, so events for
   * another number than the channel's can be told apart.
   */
  providerAccountId?: string | null;
  /** The raw item this event came from. */
  raw: unknown;
}

export interface WebhookRequest {
  headers: Record<string, string | string[] | undefined>;
  rawBody: Buffer;
}

export type VerifyResult = { ok: true } | { ok: false; reason: string };

export interface WebhookVerifyContext {
  /** The endpoint's `whsec_…` secret (Standard Webhooks). */
  secret: string;
  /** The channel's config (Meta app secret, Whapi header token). */
  config: Record<string, unknown>;
  now: Date;
}

export interface WebhookAdapter {
  verify(request: WebhookRequest, context: WebhookVerifyContext): VerifyResult;
  /** The transport's id of this POST (Standard Webhooks `webhook-id`), to pass to `normalise`; null when the provider has none. */
  deliveryId(request: WebhookRequest): string | null;
  /** `deliveryId`: the transport's id of this POST (Standard Webhooks `webhook-id`), when there is one. */
  normalise(body: unknown, deliveryId: string | null): CanonicalEvent[];
}

export interface ProviderAdapter {
  kind: ProviderKind;
  send: SendAdapter;
  webhook: WebhookAdapter;
}
