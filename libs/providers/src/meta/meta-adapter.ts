import { ProviderKind } from '@bluetick/contracts';
import type { ProviderAdapter } from '../types';
import { normaliseMetaWebhook } from './meta-normalise';
import { metaSendAdapter } from './meta-send';
import { verifyMetaSignature } from './meta-signature';

export const metaAdapter: ProviderAdapter = {
  kind: ProviderKind.Meta,
  send: metaSendAdapter,
  webhook: {
    verify: (request, context) => verifyMetaSignature(request, context.config),
    // Meta has no delivery id; its items carry their own ids.
    deliveryId: () => null,
    normalise: (body) => normaliseMetaWebhook(body),
  },
};
