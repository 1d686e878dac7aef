import { Module } from '@nestjs/common';
import { ChannelsModule } from '@bluetick/api/channels';
import { UsersModule } from '@bluetick/api/users';
import { WebhooksModule } from '@bluetick/api/webhooks';
import { AdminController } from './admin.controller';
import { AdminService } from './admin.service';
import { SeedService } from './seed.service';

@Module({
  imports: [UsersModule, ChannelsModule, WebhooksModule],
  controllers: [AdminController],
  providers: [AdminService, SeedService],
  exports: [AdminService],
})
export class AdminModule {}
