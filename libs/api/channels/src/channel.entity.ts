import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ProviderKind } from '@bluetick/contracts';

/** A user's provider account: where their bulk messages are sent through. */
@Entity('channels')
export class ChannelEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'text' })
  provider!: ProviderKind;

  /** Provider settings including credentials; never returned unmasked. */
  @Column({ type: 'jsonb' })
  config!: Record<string, unknown>;

  @Column({ name: 'rate_limit_per_second', type: 'integer' })
  rateLimitPerSecond!: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
