import type { OutboundMessage } from '@bluetick/providers';
import type { ChannelEntity } from '@bluetick/api/channels';
import type { RatePacer } from './rate-pacer';

/** What became of one message handed to a transport. */
export type DeliveryResult =
  | { ref: string; messageId: string }
  /** Refused, or the outcome is unknown: never re-sent automatically. */
  | { ref: string; failure: string }
  /** Never accepted and safe to send again (rate limit, connection refused). */
  | { ref: string; requeueAfterMs: number; reason: string };

export interface SendTransport {
  /** Sends `messages`, reporting results through `onResults` as they come in. */
  send(channel: ChannelEntity, messages: OutboundMessage[], pacer: RatePacer, onResults: (results: DeliveryResult[]) => void): Promise<void>;
}

export const SEND_TRANSPORTS = Symbol('SEND_TRANSPORTS');
