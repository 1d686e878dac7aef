import { MessageStatus } from '@bluetick/contracts';

/**
 * The one status precedence table: when a message's current status meets a reported
 * one, the higher rank wins.
 *
 * The forward order is queued < pending < sent < delivered < read < replied. `failed`
 * is placed just above `sent` and below `delivered`:
 * - a late `sent` (or `pending`) never revives a failed message;
 * - a failure reported after delivery is recorded (failedAt, reason) but loses;
 * - a delivery / read receipt or a reply proves the message arrived, so it beats an
 *   earlier failure callback.
 * Because the result is a maximum over a fixed order, applying the same events in any
 * order gives the same status: providers never promise order.
 */
export const STATUS_PRECEDENCE: Readonly<Record<MessageStatus, number>> = {
  [MessageStatus.Queued]: 0,
  [MessageStatus.Pending]: 1,
  [MessageStatus.Sent]: 2,
  [MessageStatus.Failed]: 3,
  [MessageStatus.Delivered]: 4,
  [MessageStatus.Read]: 5,
  [MessageStatus.Replied]: 6,
};

/** The status a message has once `incoming` is reported while it is `current`. */
export function winningStatus(current: MessageStatus, incoming: MessageStatus): MessageStatus {
  return STATUS_PRECEDENCE[incoming] > STATUS_PRECEDENCE[current] ? incoming : current;
}
