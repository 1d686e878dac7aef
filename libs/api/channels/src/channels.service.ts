import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DEFAULT_RATE_LIMIT_PER_SECOND, ProviderKind, type ChannelInput } from '@bluetick/contracts';
import type { Repository } from 'typeorm';
import { resolveChannelConfig } from './channel-config';
import { ChannelEntity } from './channel.entity';

@Injectable()
export class ChannelsService {
  constructor(@InjectRepository(ChannelEntity) private readonly channels: Repository<ChannelEntity>) {}

  /** The user's channel; a new user starts on the sandbox so the product can be tried at once. */
  async getForUser(userId: string): Promise<ChannelEntity> {
    const existing = await this.channels.findOneBy({ userId });
    if (existing) return existing;
    await this.channels
      .createQueryBuilder()
      .insert()
      .values({ userId, provider: ProviderKind.Sandbox, config: {}, rateLimitPerSecond: DEFAULT_RATE_LIMIT_PER_SECOND })
      .orIgnore()
      .execute();
    return this.channels.findOneByOrFail({ userId });
  }

  async setForUser(userId: string, input: ChannelInput): Promise<ChannelEntity> {
    const stored = await this.getForUser(userId);
    stored.config = resolveChannelConfig(input.provider, input.config ?? {}, stored);
    stored.provider = input.provider;
    stored.rateLimitPerSecond = input.rateLimitPerSecond ?? stored.rateLimitPerSecond;
    return this.channels.save(stored);
  }
}
