import { ProviderKind } from '@bluetick/contracts';
import { joinUrl, parseChannelConfig } from '../shared/channel-config';
import type { ProviderAdapter, SendAdapter } from '../types';
import { SPEC_MAX_BATCH, buildSpecSendRequests } from './spec-send-request';
import { parseSpecSendResponse } from './spec-send-response';
import { specWebhookAdapter } from './spec-webhook-adapter';

/** The spec's Send API: POST {baseUrl}/messages, Bearer token, batched. */
export const genericSendAdapter: SendAdapter = {
  maxBatch: SPEC_MAX_BATCH,
  buildSendRequests(config, messages) {
    const { baseUrl, token } = parseChannelConfig(ProviderKind.Generic, config);
    return buildSpecSendRequests(joinUrl(baseUrl, 'messages'), token, messages);
  },
  parseSendResponse: parseSpecSendResponse,
};

export const genericAdapter: ProviderAdapter = {
  kind: ProviderKind.Generic,
  send: genericSendAdapter,
  webhook: specWebhookAdapter,
};
