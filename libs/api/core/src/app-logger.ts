import { ConsoleLogger } from '@nestjs/common';

/** Nest's start-up chatter (every module and route) buries what an operator needs to read. */
const STARTUP_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'WebSocketsController']);

export class AppLogger extends ConsoleLogger {
  override log(message: unknown, context?: string): void {
    if (context && STARTUP_CONTEXTS.has(context)) return;
    super.log(message, context);
  }
}
