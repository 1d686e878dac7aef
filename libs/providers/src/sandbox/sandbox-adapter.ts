import { ProviderKind } from '@bluetick/contracts';
import { buildSpecSendRequests, SPEC_MAX_BATCH } from '../generic/spec-send-request';
import { parseSpecSendResponse } from '../generic/spec-send-response';
import { specWebhookAdapter } from '../generic/spec-webhook-adapter';
import { parseChannelConfig } from '../shared/channel-config';
import type { ProviderAdapter, SendAdapter } from '../types';

/**
 * Where sandbox requests are addressed. Not a network URL on purpose: the API's
 * in-process simulator answers these (with buildSpecSendResponse) instead of the
 * network, so a sandbox request can never reach a real provider.
 */
export const SANDBOX_SEND_URL = 'sandbox://simulator/messages';
const SANDBOX_TOKEN = 'sandbox';

/**
 * The sandbox speaks the spec's format end to end: requests and responses exactly as
 * `generic` (same builder, same parser), only the transport is the simulator; its
 * callbacks are the spec's payloads signed like `generic`'s.
 */
export const sandboxSendAdapter: SendAdapter = {
  maxBatch: SPEC_MAX_BATCH,
  buildSendRequests(config, messages) {
    parseChannelConfig(ProviderKind.Sandbox, config);
    return buildSpecSendRequests(SANDBOX_SEND_URL, SANDBOX_TOKEN, messages);
  },
  parseSendResponse: parseSpecSendResponse,
};

export const sandboxAdapter: ProviderAdapter = {
  kind: ProviderKind.Sandbox,
  send: sandboxSendAdapter,
  webhook: specWebhookAdapter,
};
