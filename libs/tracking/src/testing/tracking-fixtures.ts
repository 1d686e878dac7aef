import { MessageStatus, ReplyType } from '@bluetick/contracts';
import { initialTrackingState, type MessageTrackingState, type ReplyContent, type TrackingEvent } from '../tracking-state';

/** A time `seconds` after a fixed origin, so tests read as "t(5) is later than t(3)". */
export const t = (seconds: number): Date => new Date(Date.UTC(2025, 9, 29, 12, 0, 0) + seconds * 1000);

export function stateWith(overrides: Partial<MessageTrackingState>): MessageTrackingState {
  return { ...initialTrackingState(), ...overrides };
}

export const buttonReply = (id: string, title: string): ReplyContent => ({
  type: ReplyType.ButtonsReply,
  id,
  title,
  text: null,
  payload: { id, title },
});

export const textReply = (text: string): ReplyContent => ({ type: ReplyType.Text, id: null, title: null, text, payload: { text } });

export const statusEvent = (
  status: Extract<TrackingEvent, { kind: 'status' }>['status'],
  at: Date,
  reason?: string | null,
): TrackingEvent => ({ kind: 'status', status, at, reason });

export const replyEvent = (reply: ReplyContent, at: Date): TrackingEvent => ({ kind: 'reply', reply, at });

/** A message as the send pipeline leaves it: sent at t(0). */
export const sentMessage = (): MessageTrackingState => stateWith({ status: MessageStatus.Sent, sentAt: t(0) });

/** Freezes a state deeply enough that any mutation by the code under test throws. */
export function frozen(state: MessageTrackingState): MessageTrackingState {
  if (state.lastReply) Object.freeze(state.lastReply);
  return Object.freeze(state);
}
