/** Small readers for untrusted JSON: each returns undefined instead of throwing. */
export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function recordAt(value: unknown, key: string): JsonRecord | undefined {
  const child = isRecord(value) ? value[key] : undefined;
  return isRecord(child) ? child : undefined;
}

export function arrayAt(value: unknown, key: string): unknown[] | undefined {
  const child = isRecord(value) ? value[key] : undefined;
  return Array.isArray(child) ? child : undefined;
}

/** A non-empty string at `key`. */
export function stringAt(value: unknown, key: string): string | undefined {
  const child = isRecord(value) ? value[key] : undefined;
  return typeof child === 'string' && child !== '' ? child : undefined;
}

/** A string or finite number at `key`, as a string (ids and codes come either way). */
export function scalarAt(value: unknown, key: string): string | undefined {
  const child = isRecord(value) ? value[key] : undefined;
  if (typeof child === 'number' && Number.isFinite(child)) return String(child);
  return typeof child === 'string' && child !== '' ? child : undefined;
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Whatever is at `key`, unchecked (for values another reader interprets, e.g. timestamps). */
export function valueAt(value: unknown, key: string): unknown {
  return isRecord(value) ? value[key] : undefined;
}
