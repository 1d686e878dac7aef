export * from './types';
export { getProviderAdapter } from './registry';

// Standard Webhooks (generic and sandbox webhooks; the API signs nothing else).
export { generateWebhookSecret, webhookSecretKey, SECRET_PREFIX, MIN_SECRET_BYTES, MAX_SECRET_BYTES } from './standard-webhooks/secret';
export {
  signStandardWebhook,
  WEBHOOK_ID_HEADER,
  WEBHOOK_TIMESTAMP_HEADER,
  WEBHOOK_SIGNATURE_HEADER,
  type SignInput,
  type StandardWebhookHeaders,
} from './standard-webhooks/signature';
export { verifyStandardWebhook, DEFAULT_TOLERANCE_SECONDS, type VerifyInput } from './standard-webhooks/verify';

// The spec's own format: generic and sandbox.
export { genericAdapter, genericSendAdapter } from './generic/generic-adapter';
export { SPEC_MAX_BATCH, buildSpecSendRequests, parseSpecSendRequest, type SpecOutboundItem } from './generic/spec-send-request';
export { parseSpecSendResponse } from './generic/spec-send-response';
export { normaliseSpecWebhook } from './generic/spec-webhook-normalise';
export { specWebhookAdapter } from './generic/spec-webhook-adapter';
export * from './generic/spec-payloads';
export { sandboxAdapter, sandboxSendAdapter, SANDBOX_SEND_URL } from './sandbox/sandbox-adapter';

// WhatsApp Cloud API.
export { metaAdapter } from './meta/meta-adapter';
export { metaSendAdapter, parseMetaSendResponse, META_RATE_LIMIT_BACKOFF_MS } from './meta/meta-send';
export { metaMessageBody } from './meta/meta-message-body';
export { normaliseMetaWebhook } from './meta/meta-normalise';
export { signMetaPayload, verifyMetaSignature, META_SIGNATURE_HEADER } from './meta/meta-signature';
export { verifyMetaSubscription, type SubscriptionQuery, type SubscriptionResult } from './meta/meta-subscription';

// Whapi.Cloud.
export { whapiAdapter } from './whapi/whapi-adapter';
export { whapiSendAdapter, parseWhapiSendResponse } from './whapi/whapi-send';
export { normaliseWhapiWebhook } from './whapi/whapi-normalise';
export { verifyWhapiAuthorization } from './whapi/whapi-authorization';

// Shared pieces callers need.
export { InvalidChannelConfigError } from './shared/channel-config';
export { retryAfterMs, MAX_RETRY_AFTER_MS } from './shared/retry-after';
export { DEFAULT_RETRY_AFTER_MS } from './shared/send-outcomes';
export { unixTimeToIso } from './shared/time';
export { withoutIdPrefix, phoneDigits } from './shared/reply-ids';
