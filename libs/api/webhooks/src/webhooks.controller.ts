import { Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { WebhookKind } from '@bluetick/contracts';
import type { SubscriptionQuery } from '@bluetick/providers';
import { Public } from '@bluetick/api/auth';
import { WebhookIngestService, type IngestResult } from './webhook-ingest.service';

interface RawRequest {
  headers: Record<string, string | string[] | undefined>;
  rawBody?: Buffer;
}

const delivery = (req: RawRequest) => ({ headers: req.headers, rawBody: req.rawBody ?? Buffer.alloc(0) });

/** Provider-facing: no bearer token; the key in the URL and the signature authenticate. */
@Public()
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly ingest: WebhookIngestService) {}

  @Post('bulk-status/:key')
  @HttpCode(200)
  bulk(@Param('key') key: string, @Req() req: RawRequest): Promise<IngestResult> {
    return this.ingest.ingest(WebhookKind.Bulk, key, delivery(req));
  }

  @Get('bulk-status/:key')
  bulkHandshake(@Param('key') key: string, @Query() query: SubscriptionQuery): Promise<string> {
    return this.ingest.handshake(WebhookKind.Bulk, key, query);
  }

  @Post('workflow/:key')
  @HttpCode(200)
  workflow(@Param('key') key: string, @Req() req: RawRequest): Promise<IngestResult> {
    return this.ingest.ingest(WebhookKind.Workflow, key, delivery(req));
  }

  @Get('workflow/:key')
  workflowHandshake(@Param('key') key: string, @Query() query: SubscriptionQuery): Promise<string> {
    return this.ingest.handshake(WebhookKind.Workflow, key, query);
  }
}
