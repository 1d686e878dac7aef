import { channelConfigSchemas, type ProviderKind } from '@bluetick/contracts';
import type { z } from 'zod';

export type ChannelConfig<K extends ProviderKind> = z.output<(typeof channelConfigSchemas)[K]>;

/** A channel's config is checked when saved; failing here means a bug or a bad row, so say which field. */
export class InvalidChannelConfigError extends Error {
  constructor(kind: ProviderKind, detail: string) {
    super(`invalid ${kind} channel config: ${detail}`);
    this.name = 'InvalidChannelConfigError';
  }
}

export function parseChannelConfig<K extends ProviderKind>(kind: K, config: Record<string, unknown>): ChannelConfig<K> {
  const parsed = channelConfigSchemas[kind].safeParse(config);
  if (!parsed.success) {
    throw new InvalidChannelConfigError(kind, parsed.error.issues.map((issue) => issue.message).join('; '));
  }
  return parsed.data as ChannelConfig<K>;
}

/** `https://api.example.com/` + `messages` without a double slash. */
export function joinUrl(base: string, ...segments: string[]): string {
  return [base.replace(/\/+$/, ''), ...segments.map((segment) => segment.replace(/^\/+|\/+$/g, ''))].join('/');
}
