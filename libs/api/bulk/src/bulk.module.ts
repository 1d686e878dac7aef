import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@bluetick/api/core';
import { ChannelsModule } from '@bluetick/api/channels';
import { ProviderKind } from '@bluetick/contracts';
import { BulkChanges } from './bulk-changes';
import { BulkController } from './bulk.controller';
import { BulkJobsService } from './bulk-jobs.service';
import { BulkTrackingService } from './tracking/bulk-tracking.service';
import { HttpTransport } from './send/http-transport';
import { SandboxSends } from './send/sandbox-sends';
import { SandboxTransport } from './send/sandbox-transport';
import { SenderService } from './send/sender.service';
import { SEND_TRANSPORTS, type SendTransport } from './send/send-transport';
import { SendWakeup } from './send/send-wakeup';

@Module({
  imports: [ChannelsModule],
  controllers: [BulkController],
  providers: [
    BulkJobsService,
    BulkTrackingService,
    BulkChanges,
    SendWakeup,
    SandboxSends,
    SenderService,
    {
      provide: SEND_TRANSPORTS,
      inject: [APP_CONFIG, SandboxSends],
      useFactory: (config: AppConfig, sandboxSends: SandboxSends): Record<ProviderKind, SendTransport> => {
        const http = (kind: ProviderKind) => new HttpTransport(kind, { timeoutMs: config.sendTimeoutMs, maxInFlight: 32 });
        return {
          [ProviderKind.Sandbox]: new SandboxTransport((sent) => sandboxSends.publish(sent)),
          [ProviderKind.Generic]: http(ProviderKind.Generic),
          [ProviderKind.Meta]: http(ProviderKind.Meta),
          [ProviderKind.Whapi]: http(ProviderKind.Whapi),
        };
      },
    },
  ],
  exports: [BulkJobsService, BulkTrackingService, BulkChanges, SandboxSends],
})
export class BulkModule {}
