import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BulkModule } from '@bluetick/api/bulk';
import { ChannelsModule } from '@bluetick/api/channels';
import { UsersModule } from '@bluetick/api/users';
import { EndpointResolver } from './endpoint-resolver.service';
import { InboxWriter } from './inbox-writer';
import { WebhookEndpointEntity } from './webhook-endpoint.entity';
import { WebhookEndpointsService } from './webhook-endpoints.service';
import { WebhookEventsService } from './webhook-events.service';
import { WebhookIngestService } from './webhook-ingest.service';
import { WebhookProcessorService } from './webhook-processor.service';
import { WebhookWakeup } from './webhook-wakeup';
import { WebhooksController } from './webhooks.controller';

@Module({
  imports: [TypeOrmModule.forFeature([WebhookEndpointEntity]), UsersModule, ChannelsModule, BulkModule],
  controllers: [WebhooksController],
  providers: [EndpointResolver, WebhookEndpointsService, WebhookEventsService, WebhookIngestService, WebhookProcessorService, InboxWriter, WebhookWakeup],
  exports: [EndpointResolver, WebhookEndpointsService, WebhookEventsService, WebhookProcessorService],
})
export class WebhooksModule {}
