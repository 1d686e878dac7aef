import type { Button } from '@bluetick/contracts';
import { slugify } from '../../lib/text';

const PLACEHOLDER = /\{\{\s*([^{}\s]+)\s*\}\}/g;

export type TemplatePart =
  | { kind: 'text'; text: string }
  | { kind: 'value'; name: string; text: string }
  | { kind: 'missing'; name: string };

/** Distinct {{placeholder}} names of a body, in order of appearance. */
export function placeholdersOf(body: string): string[] {
  return [...new Set(Array.from(body.matchAll(PLACEHOLDER), (m) => m[1]))];
}

/** The body with a recipient's variables filled in, split so the preview can mark what is missing. */
export function renderTemplate(body: string, variables: Record<string, string> = {}): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const match of body.matchAll(PLACEHOLDER)) {
    const at = match.index ?? 0;
    if (at > last) parts.push({ kind: 'text', text: body.slice(last, at) });
    const name = match[1];
    parts.push(name in variables ? { kind: 'value', name, text: variables[name] } : { kind: 'missing', name });
    last = at + match[0].length;
  }
  if (last < body.length) parts.push({ kind: 'text', text: body.slice(last) });
  return parts;
}

/** Buttons as sent: trimmed, each empty id made from its title, every id unique. */
export function withButtonIds(drafts: readonly Button[]): Button[] {
  const used = new Set(drafts.map((d) => d.id.trim()).filter(Boolean));
  return drafts.map((draft, index) => {
    const title = draft.title.trim();
    let id = draft.id.trim();
    if (!id) {
      const base = slugify(title) || `button-${index + 1}`;
      id = base;
      for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
      used.add(id);
    }
    return { id, title };
  });
}
