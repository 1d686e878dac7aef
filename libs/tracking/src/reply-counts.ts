import { ReplyType, type Button, type ReplyCount } from '@bluetick/contracts';
import type { ReplyContent } from './tracking-state';

/** Breakdown keys for replies that are not a button or list row. */
export const TEXT_REPLY_KEY = 'text:';
export const OTHER_REPLY_KEY = 'other:';

const KEY_TITLES: Readonly<Record<string, string>> = {
  [TEXT_REPLY_KEY]: 'Text reply',
  [OTHER_REPLY_KEY]: 'Other reply',
};

type CountedReply = Pick<ReplyContent, 'type' | 'id' | 'title'>;

/** A change to one breakdown bar. */
export interface ReplyCountDelta {
  key: string;
  title: string;
  change: number;
}

/** Which bar a message's current last reply counts under; null when it has none. */
export function replyKey(reply: CountedReply | null): string | null {
  if (reply === null) return null;
  switch (reply.type) {
    case ReplyType.ButtonsReply:
    case ReplyType.ListReply:
      return reply.id ?? OTHER_REPLY_KEY;
    case ReplyType.Text:
      return TEXT_REPLY_KEY;
    case ReplyType.Other:
      return OTHER_REPLY_KEY;
  }
}

function replyCountTitle(reply: CountedReply, key: string): string {
  return KEY_TITLES[key] ?? reply.title ?? key;
}

/** The breakdown change when a message's last reply goes from `before` to `after`. */
export function replyDelta(before: CountedReply | null, after: CountedReply | null): ReplyCountDelta[] {
  const beforeKey = replyKey(before);
  const afterKey = replyKey(after);
  if (beforeKey === afterKey) return [];
  const delta: ReplyCountDelta[] = [];
  if (before && beforeKey !== null) delta.push({ key: beforeKey, title: replyCountTitle(before, beforeKey), change: -1 });
  if (after && afterKey !== null) delta.push({ key: afterKey, title: replyCountTitle(after, afterKey), change: 1 });
  return delta;
}

/** The breakdown of a job nobody answered yet: one zero bar per button. */
export function initialReplyCounts(buttons: readonly Button[]): ReplyCount[] {
  return buttons.map((button) => ({ key: button.id, title: button.title, count: 0 }));
}

/**
 * New breakdown. The job's buttons come first, in their order and with their own
 * titles, even at zero; then other ids (list rows) in the order first seen; then text,
 * then other. Non-button bars that reach zero are dropped. Throws when a count would go
 * negative (the breakdown no longer matches the rows).
 */
export function applyReplyDelta(
  counts: readonly ReplyCount[],
  delta: readonly ReplyCountDelta[],
  buttons: readonly Button[],
): ReplyCount[] {
  const bars = new Map<string, ReplyCount>();
  for (const bar of initialReplyCounts(buttons)) bars.set(bar.key, bar);
  for (const bar of counts) bars.set(bar.key, { ...bar, title: bars.get(bar.key)?.title ?? bar.title });
  for (const { key, title, change } of delta) {
    const bar = bars.get(key) ?? { key, title, count: 0 };
    const count = bar.count + change;
    if (count < 0) throw new RangeError(`reply count '${key}' would become ${count}`);
    bars.set(key, { ...bar, count });
  }
  const buttonRank = new Map(buttons.map((button, index) => [button.id, index]));
  const rank = (key: string) =>
    buttonRank.get(key) ?? buttons.length + (key === TEXT_REPLY_KEY ? 1 : key === OTHER_REPLY_KEY ? 2 : 0);
  return [...bars.values()]
    .filter((bar) => bar.count > 0 || buttonRank.has(bar.key))
    .map((bar, index) => ({ bar, index }))
    .sort((a, b) => rank(a.bar.key) - rank(b.bar.key) || a.index - b.index)
    .map(({ bar }) => bar);
}
