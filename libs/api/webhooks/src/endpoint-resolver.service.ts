import { Injectable } from '@nestjs/common';
import { WebhookKind } from '@bluetick/contracts';
import { ChannelsService, type ChannelEntity } from '@bluetick/api/channels';
import { UsersService } from '@bluetick/api/users';
import type { WebhookEndpointEntity } from './webhook-endpoint.entity';
import { WebhookEndpointsService } from './webhook-endpoints.service';

/** How stale another instance's view of a key may be after an admin change there. */
const TTL_MS = 1000;

export interface ResolvedEndpoint {
  endpoint: WebhookEndpointEntity;
  channel: ChannelEntity;
}

/**
 * Who a webhook key belongs to, and whether its module is on. Providers post in bursts,
 * so the three lookups are cached briefly; this instance's own admin changes forget
 * the user at once, other instances see them within TTL_MS.
 */
@Injectable()
export class EndpointResolver {
  private readonly cache = new Map<string, { at: number; value: ResolvedEndpoint | null; userId: string | null }>();
  /** One lookup per key at a time: a burst of requests shares it instead of queueing on the pool. */
  private readonly inFlight = new Map<string, Promise<ResolvedEndpoint | null>>();
  /** Bumped by forget(): a lookup that started before an admin change must not be cached. */
  private generation = 0;

  constructor(
    private readonly endpoints: WebhookEndpointsService,
    private readonly users: UsersService,
    private readonly channels: ChannelsService,
  ) {}

  /** The endpoint and channel behind a key, or null when unknown or its module is off. */
  async resolve(kind: WebhookKind, key: string): Promise<ResolvedEndpoint | null> {
    const cacheKey = `${kind}:${key}`;
    const hit = this.cache.get(cacheKey);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.value;
    let lookup = this.inFlight.get(cacheKey);
    if (!lookup) {
      lookup = this.lookUp(kind, key, cacheKey).finally(() => this.inFlight.delete(cacheKey));
      this.inFlight.set(cacheKey, lookup);
    }
    return lookup;
  }

  private async lookUp(kind: WebhookKind, key: string, cacheKey: string): Promise<ResolvedEndpoint | null> {
    const generation = this.generation;
    const endpoint = await this.endpoints.findByKey(kind, key);
    const user = endpoint && (await this.users.findById(endpoint.userId));
    const enabled = user && (kind === WebhookKind.Bulk ? user.bulkEnabled : user.workflowEnabled);
    const value = endpoint && enabled ? { endpoint, channel: await this.channels.getForUser(endpoint.userId) } : null;
    if (this.cache.size > 10_000) this.cache.clear();
    if (generation === this.generation) this.cache.set(cacheKey, { at: Date.now(), value, userId: endpoint?.userId ?? null });
    return value;
  }

  /** Drops what is cached for a user (their modules, channel or keys changed). */
  forget(userId: string): void {
    this.generation += 1;
    this.inFlight.clear();
    for (const [k, entry] of this.cache) if (entry.userId === userId) this.cache.delete(k);
  }
}
