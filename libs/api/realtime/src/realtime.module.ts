import { Module } from '@nestjs/common';
import { AuthModule } from '@bluetick/api/auth';
import { BulkModule } from '@bluetick/api/bulk';
import { RealtimeGateway } from './realtime.gateway';
import { RealtimePublisher } from './realtime-publisher.service';

@Module({ imports: [AuthModule, BulkModule], providers: [RealtimeGateway, RealtimePublisher] })
export class RealtimeModule {}
