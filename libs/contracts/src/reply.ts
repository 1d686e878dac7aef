export const REPLY_TYPES = ['text', 'buttons_reply', 'list_reply', 'other'] as const;
export type ReplyType = (typeof REPLY_TYPES)[number];

export const ReplyType = {
  Text: 'text',
  ButtonsReply: 'buttons_reply',
  ListReply: 'list_reply',
  Other: 'other',
} as const satisfies Record<string, ReplyType>;

/** How many characters of a text reply the Last Reply cell shows. */
export const REPLY_DISPLAY_CHARS = 60;

export interface LastReply {
  type: ReplyType;
  id: string | null;
  title: string | null;
  text: string | null;
  /** What the Last Reply cell shows. */
  display: string;
  /** The raw reply item, for the hover / click view. */
  payload: unknown;
  at: string;
}
