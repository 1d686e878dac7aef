import { BadRequestException, ForbiddenException, Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { ProviderKind, WebhookKind } from '@bluetick/contracts';
import { getProviderAdapter, verifyMetaSubscription, type CanonicalEvent, type SubscriptionQuery } from '@bluetick/providers';
import { InboxWriter } from './inbox-writer';
import { EndpointResolver, type ResolvedEndpoint } from './endpoint-resolver.service';
import { WebhookWakeup } from './webhook-wakeup';

export interface WebhookDelivery {
  headers: Record<string, string | string[] | undefined>;
  rawBody: Buffer;
}

export interface IngestResult {
  received: number;
  duplicates: number;
}

/**
 * The webhook's synchronous part: authenticate, normalise, store, answer. Applying the
 * events happens afterwards in WebhookProcessor, so a 200 only ever means "stored".
 */
@Injectable()
export class WebhookIngestService {
  constructor(
    private readonly resolver: EndpointResolver,
    private readonly inbox: InboxWriter,
    private readonly wakeup: WebhookWakeup,
  ) {}

  async ingest(kind: WebhookKind, key: string, delivery: WebhookDelivery): Promise<IngestResult> {
    const { endpoint, channel } = await this.resolve(kind, key);
    const adapter = getProviderAdapter(channel.provider).webhook;
    const verified = adapter.verify(delivery, { secret: endpoint.secret, config: channel.config, now: new Date() });
    if (!verified.ok) throw new UnauthorizedException(`Webhook signature rejected: ${verified.reason}`);
    let body: unknown;
    try {
      body = JSON.parse(delivery.rawBody.toString('utf8'));
    } catch {
      throw new BadRequestException('The body is not valid JSON');
    }
    const events = adapter.normalise(body, adapter.deliveryId(delivery)).map((event) => forThisChannel(event, channel.config));
    const fresh = await this.inbox.store(kind, events.map((event) => ({ userId: endpoint.userId, event })));
    this.wakeup.wake();
    const received = fresh.filter(Boolean).length;
    return { received, duplicates: fresh.length - received };
  }

  /** Meta's GET subscription handshake: echo hub.challenge when the verify token matches. */
  async handshake(kind: WebhookKind, key: string, query: SubscriptionQuery): Promise<string> {
    const { channel } = await this.resolve(kind, key);
    const verifyToken = channel.provider === ProviderKind.Meta ? String(channel.config.verifyToken ?? '') : '';
    const result = verifyMetaSubscription(query, verifyToken);
    if (!result.ok) throw new ForbiddenException(`Subscription refused: ${result.reason}`);
    return result.challenge;
  }

  /** The endpoint behind a key, only while its module is enabled (otherwise it does not exist). */
  private async resolve(kind: WebhookKind, key: string): Promise<ResolvedEndpoint> {
    const resolved = await this.resolver.resolve(kind, key);
    if (!resolved) throw new NotFoundException('No such webhook');
    return resolved;
  }
}

/**
 * One Meta app posts every one of its numbers' events to the same callback URL: an event
 * for another number than this channel's is kept for the log but never applied (a
 * context-less reply there must not be matched to our messages by phone).
 */
function forThisChannel(event: CanonicalEvent, config: Record<string, unknown>): CanonicalEvent {
  const own = config.phoneNumberId;
  if (!event.providerAccountId || own === undefined || event.providerAccountId === String(own)) return event;
  return { ...event, type: 'ignored' };
}
