import { ReplyType, type Button, type ReplyCount } from '@bluetick/contracts';

export interface ReplyBar {
  key: string;
  title: string;
  count: number;
  /** One of the job's own buttons. */
  isButton: boolean;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The Reply breakdown: the job's buttons first (in their order, zero when nobody clicked), then the rest by count. */
export function replyBars(buttons: readonly Button[], replies: readonly ReplyCount[]): ReplyBar[] {
  const rest = [...replies];
  const take = (match: (r: ReplyCount) => boolean) => {
    const i = rest.findIndex(match);
    return i < 0 ? undefined : rest.splice(i, 1)[0];
  };
  const buttonBars = buttons.map((button) => {
    const reply = take((r) => r.key === button.id) ?? take((r) => same(r.title, button.title));
    return { key: reply?.key ?? button.id, title: button.title, count: reply?.count ?? 0, isButton: true };
  });
  const others = rest
    .filter((r) => r.count > 0)
    .sort((a, b) => b.count - a.count || a.title.localeCompare(b.title))
    .map((r) => ({ key: r.key, title: r.title, count: r.count, isButton: false }));
  return [...buttonBars, ...others];
}

const UNFILTERABLE_PREFIXES = [`${ReplyType.Text}:`, `${ReplyType.Other}:`];

/** Whether `replyId=<key>` selects the messages behind a bar (button and list ids do; free text does not). */
export function isFilterableReplyKey(key: string): boolean {
  return !UNFILTERABLE_PREFIXES.some((prefix) => key.startsWith(prefix));
}
