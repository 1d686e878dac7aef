import { Module } from '@nestjs/common';
import { BulkModule } from '@bluetick/api/bulk';
import { WebhooksModule } from '@bluetick/api/webhooks';
import { SandboxSimulatorService } from './sandbox-simulator.service';

@Module({ imports: [BulkModule, WebhooksModule], providers: [SandboxSimulatorService] })
export class SandboxModule {}
