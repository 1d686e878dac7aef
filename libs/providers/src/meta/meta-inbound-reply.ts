import { ReplyType } from '@bluetick/contracts';
import { recordAt, stringAt } from '../shared/json-reading';
import { choiceReply, otherReply, textReply } from '../shared/replies';
import type { CanonicalReply } from '../types';

/** What an inbound Cloud API message means to us. */
export type MetaInbound =
  /** `messageId`: set when the message names its target elsewhere than `context.id` (reactions). */
  | { kind: 'reply'; reply: CanonicalReply; messageId?: string }
  | { kind: 'ignored' };

/** Not a customer's answer: number changes and the like. */
const IGNORED_TYPES = new Set(['system', 'request_welcome']);

/** Meta's interactive reply kinds and ours. */
const INTERACTIVE_CHOICES = { button_reply: ReplyType.ButtonsReply, list_reply: ReplyType.ListReply } as const;

/**
 * Interactive button / list taps, template quick-reply taps (`type: "button"`: the
 * payload we set is the id), text, reactions; any other customer message is `other`,
 * labelled with its type.
 */
export function metaInbound(message: Record<string, unknown>): MetaInbound {
  const type = stringAt(message, 'type') ?? 'unknown';
  if (IGNORED_TYPES.has(type)) return { kind: 'ignored' };
  switch (type) {
    case 'interactive':
      return { kind: 'reply', reply: interactiveReply(message) };
    case 'button': {
      const button = recordAt(message, 'button');
      const tap = { id: stringAt(button, 'payload'), title: stringAt(button, 'text') };
      return { kind: 'reply', reply: choiceReply(ReplyType.ButtonsReply, tap, message) };
    }
    case ReplyType.Text:
      return { kind: 'reply', reply: textReply(message) };
    case 'reaction': {
      const reaction = recordAt(message, 'reaction');
      const emoji = stringAt(reaction, 'emoji');
      // A reaction without an emoji is its removal: nothing new was said.
      if (!emoji) return { kind: 'ignored' };
      return { kind: 'reply', reply: otherReply(type, message, emoji), messageId: stringAt(reaction, 'message_id') };
    }
    default:
      return { kind: 'reply', reply: otherReply(type, message) };
  }
}

function interactiveReply(message: Record<string, unknown>): CanonicalReply {
  const interactive = recordAt(message, 'interactive');
  const kind = stringAt(interactive, 'type') ?? 'interactive';
  if (kind === 'button_reply' || kind === 'list_reply') {
    return choiceReply(INTERACTIVE_CHOICES[kind], recordAt(interactive, kind), message);
  }
  return otherReply(kind, message, null);
}
