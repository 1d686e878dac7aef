/** Beyond this a "unix time" can only be in milliseconds (it is the year 5138 in seconds). */
const MILLISECONDS_THRESHOLD = 1e11;

/**
 * ISO-8601 for a provider timestamp: unix seconds as a number or a numeric string
 * (Meta and Whapi send strings), milliseconds tolerated. Null when absent or unreadable.
 */
export function unixTimeToIso(value: unknown): string | null {
  const seconds = typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value;
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0) return null;
  const ms = seconds >= MILLISECONDS_THRESHOLD ? seconds : seconds * 1000;
  const at = new Date(Math.round(ms));
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}
