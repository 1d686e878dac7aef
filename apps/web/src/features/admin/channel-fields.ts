import { z } from 'zod';
import {
  channelConfigSchemas,
  SECRET_CONFIG_KEYS,
  type Channel,
  type ChannelInput,
  type ProviderKind,
} from '@bluetick/contracts';

/** One input of a provider's config form, read from its schema in contracts. */
export interface ChannelField {
  key: string;
  label: string;
  kind: 'text' | 'number' | 'secret';
  required: boolean;
  defaultValue: string | null;
}

/** Form state: every field as typed; an empty secret means "keep the stored one". */
export type ConfigValues = Record<string, string>;

const ACRONYMS: Record<string, string> = { id: 'ID', api: 'API', url: 'URL' };

export function fieldLabel(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(' ');
  return words
    .map((word, i) => ACRONYMS[word] ?? (i === 0 ? word.charAt(0).toUpperCase() + word.slice(1) : word))
    .join(' ');
}

function describe(schema: z.ZodType): { required: boolean; defaultValue: string | null; numeric: boolean } {
  let current: z.ZodType = schema;
  let required = true;
  let defaultValue: string | null = null;
  for (;;) {
    if (current instanceof z.ZodOptional) {
      required = false;
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodDefault) {
      required = false;
      defaultValue = String(current.def.defaultValue);
      current = current.unwrap() as z.ZodType;
    } else {
      return { required, defaultValue, numeric: current instanceof z.ZodNumber };
    }
  }
}

export function channelFields(provider: ProviderKind): ChannelField[] {
  const shape: Record<string, z.ZodType> = channelConfigSchemas[provider].shape;
  return Object.entries(shape).map(([key, schema]) => {
    const { required, defaultValue, numeric } = describe(schema);
    const secret = SECRET_CONFIG_KEYS[provider].includes(key);
    return { key, label: fieldLabel(key), kind: secret ? 'secret' : numeric ? 'number' : 'text', required, defaultValue };
  });
}

/** Form values for a provider: the stored non-secret values when the channel uses it, secrets always empty. */
export function initialConfigValues(provider: ProviderKind, channel: Channel | null): ConfigValues {
  const stored = channel?.provider === provider ? channel.config : {};
  return Object.fromEntries(
    channelFields(provider).map((field) => {
      const value = stored[field.key];
      return [field.key, field.kind === 'secret' || value === undefined || value === null ? '' : String(value)];
    }),
  );
}

/** The masked stored secret to show as a placeholder, when the channel has one for this provider. */
export function storedSecret(provider: ProviderKind, channel: Channel | null, key: string): string | null {
  const value = channel?.provider === provider ? channel.config[key] : undefined;
  return typeof value === 'string' && value ? value : null;
}

/**
 * The `channel` of a PATCH: empty fields are left out (a stored secret is kept, a default applies),
 * number fields are sent as numbers when they read as one (the server reports the rest).
 */
export function buildChannelInput(provider: ProviderKind, values: ConfigValues, rateLimit: string): ChannelInput {
  const config: Record<string, unknown> = {};
  for (const field of channelFields(provider)) {
    const value = (values[field.key] ?? '').trim();
    if (!value) continue;
    config[field.key] = field.kind === 'number' && Number.isFinite(Number(value)) ? Number(value) : value;
  }
  const rate = rateLimit.trim();
  const input: ChannelInput = { provider, config };
  if (rate) input.rateLimitPerSecond = Number(rate);
  return input;
}
