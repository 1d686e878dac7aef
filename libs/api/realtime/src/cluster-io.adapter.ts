import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/postgres-adapter';
import { Pool } from 'pg';
import type { Server, ServerOptions } from 'socket.io';

/**
 * Socket.IO whose rooms span every instance on the same database: an emit to `job:<id>`
 * in one process reaches clients connected to any other (LISTEN/NOTIFY underneath).
 */
export class ClusterIoAdapter extends IoAdapter {
  private pool: Pool | null = null;

  constructor(
    app: INestApplicationContext,
    private readonly databaseUrl: string,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server: Server = super.createIOServer(port, { ...options, serveClient: false });
    this.pool = new Pool({ connectionString: this.databaseUrl, max: 4 });
    this.pool.on('error', () => undefined);
    server.adapter(createAdapter(this.pool, { heartbeatInterval: 2000, heartbeatTimeout: 6000 }));
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    await this.pool?.end().catch(() => undefined);
  }
}
