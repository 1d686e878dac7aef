import {
  channelConfigSchemas,
  MASKED_SECRET,
  SECRET_CONFIG_KEYS,
  type Channel,
  type ProviderKind,
} from '@bluetick/contracts';
import { problemsFromZod, ProblemsException } from '@bluetick/api/core';

/**
 * Validates a config for `provider`. Secret fields left out (or sent back masked)
 * keep their stored value, so an admin can edit a URL without retyping a token.
 */
export function resolveChannelConfig(
  provider: ProviderKind,
  incoming: Record<string, unknown>,
  stored: { provider: ProviderKind; config: Record<string, unknown> } | null,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...incoming };
  if (stored && stored.provider === provider) {
    for (const key of SECRET_CONFIG_KEYS[provider]) {
      if ((merged[key] === undefined || merged[key] === MASKED_SECRET || merged[key] === '') && stored.config[key] !== undefined) {
        merged[key] = stored.config[key];
      }
    }
  }
  const result = channelConfigSchemas[provider].safeParse(merged);
  if (!result.success) {
    throw new ProblemsException(
      problemsFromZod(result.error).map((p) => ({ ...p, path: `channel.config${p.path ? '.' + p.path : ''}` })),
      `The ${provider} channel settings have problems`,
    );
  }
  return result.data as Record<string, unknown>;
}

export function maskChannel(channel: { provider: ProviderKind; config: Record<string, unknown>; rateLimitPerSecond: number }): Channel {
  const config = { ...channel.config };
  for (const key of SECRET_CONFIG_KEYS[channel.provider]) {
    if (config[key] !== undefined) config[key] = MASKED_SECRET;
  }
  return { provider: channel.provider, config, rateLimitPerSecond: channel.rateLimitPerSecond };
}
