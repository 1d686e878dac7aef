/** `{{name}}`, spaces allowed inside the braces; names are letters, digits, `_`, `.`, `-`. */
const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_.-]+)\s*\}\}/g;

export interface RenderedBody {
  /** The body with every known placeholder filled in; unknown ones are left as written. */
  text: string;
  /** Placeholder names with no value, each once, in order of first use. */
  missing: string[];
}

/** Placeholder names used in a body, each once, in order of first use. */
export function listPlaceholders(body: string): string[] {
  const names = new Set<string>();
  for (const match of body.matchAll(PLACEHOLDER)) names.add(match[1]);
  return [...names];
}

/** One pass: a value that itself looks like `{{x}}` is inserted as is, never expanded. */
export function renderBody(body: string, variables: Readonly<Record<string, string>>): RenderedBody {
  const missing = new Set<string>();
  const text = body.replace(PLACEHOLDER, (written, name: string) => {
    if (Object.hasOwn(variables, name)) return variables[name];
    missing.add(name);
    return written;
  });
  return { text, missing: [...missing] };
}
