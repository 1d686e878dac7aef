/**
 * The row / button id without the provider's prefix: "ListV3:r1" → "r1",
 * "ButtonsV3:b1" → "b1". Only the first prefix goes, so an id of ours that itself holds
 * a colon survives: "ButtonsV3:confirm:b1" → "confirm:b1".
 */
export function withoutIdPrefix(id: string): string {
  const colon = id.indexOf(':');
  return colon >= 0 && colon < id.length - 1 ? id.slice(colon + 1) : id;
}

/** "97333302738@s.whatsapp.net" or "+973 3330 2738" → "97333302738"; null when no digits. */
export function phoneDigits(value: string | undefined): string | null {
  if (!value) return null;
  const digits = value.split('@')[0].replace(/\D/g, '');
  return digits === '' ? null : digits;
}
