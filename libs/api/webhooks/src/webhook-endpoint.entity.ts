import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { WebhookKind } from '@bluetick/contracts';

/** One of a user's two webhook URLs. Whether it is active follows the user's module flag. */
@Entity('webhook_endpoints')
export class WebhookEndpointEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'text' })
  kind!: WebhookKind;

  /** Unguessable; the last segment of the URL. */
  @Column({ type: 'text', unique: true })
  key!: string;

  /** Standard Webhooks signing secret (`whsec_…`). */
  @Column({ type: 'text' })
  secret!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'rotated_at', type: 'timestamptz', nullable: true })
  rotatedAt!: Date | null;
}
