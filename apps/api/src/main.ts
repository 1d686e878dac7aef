import { Logger } from '@nestjs/common';
import { createApp, type BluetickApp } from './app';
import { configFromEnv } from './config';

/** Starts the API, SPA, Socket.IO and workers on PORT. Called by scripts/start.mjs. */
export async function bootstrap(databaseUrl?: string): Promise<BluetickApp> {
  const config = configFromEnv(process.env, databaseUrl);
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  new Logger('Bluetick').log(`Ready on ${config.publicUrl}`);
  return app;
}
