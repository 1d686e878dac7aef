export type HeaderBag = Record<string, string | string[] | undefined>;

/** Every value of a header, whatever the case of its name (Node lower-cases, tests may not). */
export function headerValues(headers: HeaderBag, name: string): string[] {
  const wanted = name.toLowerCase();
  const values: string[] = [];
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    values.push(...(Array.isArray(value) ? value : [value]));
  }
  return values;
}

export function firstHeader(headers: HeaderBag, name: string): string | undefined {
  return headerValues(headers, name)[0];
}
