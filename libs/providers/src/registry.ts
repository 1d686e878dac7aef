import { PROVIDERS, type ProviderKind } from '@bluetick/contracts';
import { genericAdapter } from './generic/generic-adapter';
import { metaAdapter } from './meta/meta-adapter';
import { sandboxAdapter } from './sandbox/sandbox-adapter';
import type { ProviderAdapter } from './types';
import { whapiAdapter } from './whapi/whapi-adapter';

const ADAPTERS: Readonly<Record<ProviderKind, ProviderAdapter>> = {
  sandbox: sandboxAdapter,
  generic: genericAdapter,
  meta: metaAdapter,
  whapi: whapiAdapter,
};

/** The adapter of a channel's provider; throws on a kind that is not one (a bad row). */
export function getProviderAdapter(kind: ProviderKind): ProviderAdapter {
  if (!(PROVIDERS as readonly string[]).includes(kind)) throw new Error(`unknown provider kind '${String(kind)}'`);
  return ADAPTERS[kind];
}
