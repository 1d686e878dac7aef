import { firstHeader } from '../shared/headers';
import { verifyStandardWebhook } from '../standard-webhooks/verify';
import { WEBHOOK_ID_HEADER } from '../standard-webhooks/signature';
import type { WebhookAdapter } from '../types';
import { normaliseSpecWebhook } from './spec-webhook-normalise';

/** The spec's payloads signed per Standard Webhooks: the webhook side of `generic` and `sandbox`. */
export const specWebhookAdapter: WebhookAdapter = {
  verify: (request, context) =>
    verifyStandardWebhook({ secret: context.secret, headers: request.headers, rawBody: request.rawBody, now: context.now }),
  deliveryId: (request) => firstHeader(request.headers, WEBHOOK_ID_HEADER) ?? null,
  normalise: normaliseSpecWebhook,
};
