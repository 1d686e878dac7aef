import { ProviderKind } from '@bluetick/contracts';
import type { ProviderAdapter } from '../types';
import { verifyWhapiAuthorization } from './whapi-authorization';
import { normaliseWhapiWebhook } from './whapi-normalise';
import { whapiSendAdapter } from './whapi-send';

export const whapiAdapter: ProviderAdapter = {
  kind: ProviderKind.Whapi,
  send: whapiSendAdapter,
  webhook: {
    verify: (request, context) => verifyWhapiAuthorization(request, context.config),
    deliveryId: () => null,
    normalise: (body) => normaliseWhapiWebhook(body),
  },
};
