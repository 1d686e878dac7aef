import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminModule } from '@bluetick/api/admin';
import { AuthModule, authMigrations } from '@bluetick/api/auth';
import { BulkModule, bulkMigrations } from '@bluetick/api/bulk';
import { channelsMigrations } from '@bluetick/api/channels';
import { CoreModule, type AppConfig } from '@bluetick/api/core';
import { HealthModule } from '@bluetick/api/health';
import { RealtimeModule, realtimeMigrations } from '@bluetick/api/realtime';
import { SandboxModule } from '@bluetick/api/sandbox';
import { usersMigrations } from '@bluetick/api/users';
import { WebhooksModule, webhooksMigrations } from '@bluetick/api/webhooks';

/** Every feature's migrations, in timestamp order (their class names end in it). */
export const migrations = [...usersMigrations, ...authMigrations, ...channelsMigrations, ...webhooksMigrations, ...bulkMigrations, ...realtimeMigrations].sort(
  (a, b) => Number(a.name.match(/\d+$/)?.[0]) - Number(b.name.match(/\d+$/)?.[0]),
);

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config),
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: config.databaseUrl,
          autoLoadEntities: true,
          synchronize: false,
          migrationsRun: false,
          extra: { max: 20 },
        }),
        AuthModule,
        AdminModule,
        BulkModule,
        WebhooksModule,
        SandboxModule,
        RealtimeModule,
        HealthModule,
      ],
    };
  }
}
