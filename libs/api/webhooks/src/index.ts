import { CreateWebhookEndpoints1764800000300 } from './migrations/1764800000300-create-webhook-endpoints';

export * from './webhooks.module';
export * from './webhook-endpoints.service';
export type { WebhookEndpointEntity } from './webhook-endpoint.entity';
export const webhooksMigrations = [CreateWebhookEndpoints1764800000300];
