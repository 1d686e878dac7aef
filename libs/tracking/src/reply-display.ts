import { REPLY_DISPLAY_CHARS, ReplyType, type LastReply } from '@bluetick/contracts';
import type { LastReplyState, ReplyContent } from './tracking-state';

const ELLIPSIS = '…';
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * What the Last Reply cell shows: the button or list title (the id when there is no
 * title), the start of a text reply, or the kind of an other reply ("image").
 */
export function replyDisplay(reply: Pick<ReplyContent, 'type' | 'id' | 'title' | 'text'>): string {
  switch (reply.type) {
    case ReplyType.ButtonsReply:
      return reply.title ?? reply.id ?? 'Button reply';
    case ReplyType.ListReply:
      return reply.title ?? reply.id ?? 'List reply';
    case ReplyType.Text:
      return truncateText(reply.text ?? '') || 'Text reply';
    case ReplyType.Other:
      return reply.title ?? 'Other reply';
  }
}

/**
 * The first REPLY_DISPLAY_CHARS characters on one line, with an ellipsis when cut.
 * Counts graphemes so an emoji or accented letter is never split in half.
 */
export function truncateText(text: string, max: number = REPLY_DISPLAY_CHARS): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  if (oneLine.length <= max) return oneLine;
  let kept = '';
  let count = 0;
  for (const { segment } of graphemes.segment(oneLine)) {
    if (count === max) return kept.trimEnd() + ELLIPSIS;
    kept += segment;
    count += 1;
  }
  return kept;
}

/** The API / socket shape of a message's last reply. */
export function toLastReplyDto(reply: LastReplyState | null): LastReply | null {
  if (reply === null) return null;
  return {
    type: reply.type,
    id: reply.id,
    title: reply.title,
    text: reply.text,
    display: replyDisplay(reply),
    payload: reply.payload,
    at: reply.at.toISOString(),
  };
}
