import { CreateEvents1764800000500 } from './migrations/1764800000500-create-events';
import { CreateWebhookEndpoints1764800000300 } from './migrations/1764800000300-create-webhook-endpoints';

export * from './webhooks.module';
export * from './webhook-endpoints.service';
export { EndpointResolver } from './endpoint-resolver.service';
export * from './webhook-events.service';
export * from './webhook-processor.service';
export type { WebhookEndpointEntity } from './webhook-endpoint.entity';
export const webhooksMigrations = [CreateWebhookEndpoints1764800000300, CreateEvents1764800000500];
