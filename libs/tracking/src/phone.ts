import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

export type PhoneResult = { ok: true; phone: string } | { ok: false; error: string };

/** Separators people type in numbers; ignored. */
const SEPARATORS = /[\s\-.()\u00a0]/g;
const EXAMPLE = '+97333302738';

/**
 * E.164 digits without '+' ('+973 3330-2738' → '97333302738') for a number in
 * international format, with or without '+' (or the '00' international prefix).
 * Uses the full ('max') metadata: it checks each country's number patterns, not just
 * lengths ('min' accepts e.g. +97399999999, which Bahrain never assigns).
 */
export function normalisePhone(input: string): PhoneResult {
  const compact = input.replace(SEPARATORS, '');
  const digits = compact.replace(/^(\+|00)/, '');
  if (/^\d{1,15}$/.test(digits)) {
    const parsed = parsePhoneNumberFromString(`+${digits}`);
    if (parsed?.isValid()) return { ok: true, phone: parsed.number.slice(1) };
  }
  return { ok: false, error: invalidPhoneMessage(input) };
}

function invalidPhoneMessage(input: string): string {
  const shown = input.length > 40 ? `${input.slice(0, 40)}…` : input;
  return `'${shown}' is not a valid international phone number: include the country code, e.g. ${EXAMPLE}`;
}
