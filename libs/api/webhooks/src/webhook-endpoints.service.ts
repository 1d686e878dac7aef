import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '@bluetick/api/core';
import { WEBHOOK_KINDS, WEBHOOK_PATHS, type WebhookKind } from '@bluetick/contracts';
import { generateWebhookSecret } from '@bluetick/providers';
import type { Repository } from 'typeorm';
import { WebhookEndpointEntity } from './webhook-endpoint.entity';

const newKey = () => randomBytes(24).toString('base64url');

@Injectable()
export class WebhookEndpointsService {
  constructor(
    @InjectRepository(WebhookEndpointEntity) private readonly endpoints: Repository<WebhookEndpointEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Both endpoints of a user, created on first use. */
  async ensureForUser(userId: string): Promise<Record<WebhookKind, WebhookEndpointEntity>> {
    // Read first: every user gets both at creation, so the insert is almost never needed.
    const existing = await this.endpoints.findBy({ userId });
    if (existing.length === WEBHOOK_KINDS.length) return byKind(existing);
    await this.endpoints
      .createQueryBuilder()
      .insert()
      .values(WEBHOOK_KINDS.map((kind) => ({ userId, kind, key: newKey(), secret: generateWebhookSecret() })))
      .orIgnore()
      .execute();
    return byKind(await this.endpoints.findBy({ userId }));
  }

  async rotate(userId: string, kind: WebhookKind): Promise<void> {
    await this.ensureForUser(userId);
    await this.endpoints.update({ userId, kind }, { key: newKey(), secret: generateWebhookSecret(), rotatedAt: new Date() });
  }

  findByKey(kind: WebhookKind, key: string): Promise<WebhookEndpointEntity | null> {
    return this.endpoints.findOneBy({ kind, key });
  }

  urlOf(endpoint: Pick<WebhookEndpointEntity, 'kind' | 'key'>): string {
    return `${this.config.publicUrl}${WEBHOOK_PATHS[endpoint.kind]}/${endpoint.key}`;
  }
}

function byKind(rows: WebhookEndpointEntity[]): Record<WebhookKind, WebhookEndpointEntity> {
  return Object.fromEntries(rows.map((row) => [row.kind, row])) as Record<WebhookKind, WebhookEndpointEntity>;
}
