import { REPLY_DISPLAY_CHARS, ReplyType, type LastReply } from '@bluetick/contracts';
import { truncate } from '../../lib/text';

export interface LastReplyView {
  /** What the cell shows: the button title, the list row title or the start of the text. */
  primary: string;
  /** Muted extra: a list row's id. */
  secondary: string | null;
  kind: string;
  /** The raw payload, pretty-printed, for the hover / click view. */
  payloadJson: string;
}

const KIND_LABELS: Record<ReplyType, string> = {
  [ReplyType.ButtonsReply]: 'Button',
  [ReplyType.ListReply]: 'List',
  [ReplyType.Text]: 'Text',
  [ReplyType.Other]: 'Other',
};

function fallbackText(reply: LastReply): string {
  switch (reply.type) {
    case ReplyType.ButtonsReply:
    case ReplyType.ListReply:
      return reply.title ?? reply.id ?? 'Reply';
    case ReplyType.Text:
      return truncate(reply.text ?? '', REPLY_DISPLAY_CHARS);
    default:
      return 'Other reply';
  }
}

function primaryText(reply: LastReply): string {
  const display = reply.display?.trim();
  if (!display) return fallbackText(reply);
  const full = reply.text ?? '';
  // The server cuts text replies to their first characters: mark the cut.
  const cut = reply.type === ReplyType.Text && full.length > display.length && full.startsWith(display);
  return cut ? `${display}…` : display;
}

function formatPayload(payload: unknown): string {
  try {
    return JSON.stringify(payload ?? null, null, 2) ?? 'null';
  } catch {
    return String(payload);
  }
}

export function formatLastReply(reply: LastReply | null): LastReplyView | null {
  if (!reply) return null;
  const primary = primaryText(reply);
  const secondary = reply.type === ReplyType.ListReply && reply.id && reply.id !== primary ? reply.id : null;
  return { primary, secondary, kind: KIND_LABELS[reply.type] ?? KIND_LABELS[ReplyType.Other], payloadJson: formatPayload(reply.payload) };
}
