const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/** Length in characters (code points), as WhatsApp counts them: an emoji is one, not two. */
export function characterCount(text: string): number {
  return text.length - (text.match(SURROGATE_PAIR)?.length ?? 0);
}

/** Whether `text` is longer than `max` characters; the UTF-16 length settles most cases for free. */
export function isLongerThan(text: string, max: number): boolean {
  return text.length > max && characterCount(text) > max;
}
