import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppLogger, RetryAfterFilter, runMigrations, SpaFallbackFilter, type AppConfig } from '@bluetick/api/core';
import { ClusterIoAdapter } from '@bluetick/api/realtime';
import { AppModule, migrations } from './app.module';
import { installBodyParsers } from './body-parsers';

export type BluetickApp = NestFastifyApplication;

/** Migrates the database and builds the app; the caller listens. */
export async function createApp(config: AppConfig, options: { quiet?: boolean } = {}): Promise<BluetickApp> {
  await runMigrations(config.databaseUrl, migrations);
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config),
    new FastifyAdapter({ bodyLimit: 64 * 1024 * 1024, trustProxy: true }),
    { bodyParser: false, logger: new AppLogger({ logLevels: options.quiet ? ['error', 'warn'] : ['log', 'error', 'warn'] }) },
  );
  installBodyParsers(app.getHttpAdapter().getInstance());
  app.useWebSocketAdapter(new ClusterIoAdapter(app, config.databaseUrl));
  app.useGlobalFilters(new SpaFallbackFilter(config.webRoot, app.getHttpAdapter()), new RetryAfterFilter(app.getHttpAdapter()));
  return app;
}
