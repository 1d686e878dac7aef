import { Logger } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, WebSocketServer, type OnGatewayInit } from '@nestjs/websockets';
import { ADMIN_OUTBOX_ROOM, ADMIN_ROLE, ClientEvent, jobRoom, outboxRoom, SOCKET_PATH, type SubscribeAck } from '@bluetick/contracts';
import { AuthService } from '@bluetick/api/auth';
import { BulkJobsService } from '@bluetick/api/bulk';
import type { UserEntity } from '@bluetick/api/users';
import type { Server, Socket } from 'socket.io';

interface SocketData {
  user: UserEntity;
}
type AuthedSocket = Socket<Record<string, never>, Record<string, never>, Record<string, never>, SocketData>;

const jobIdOf = (payload: unknown) => (payload && typeof (payload as { jobId?: unknown }).jobId === 'string' ? (payload as { jobId: string }).jobId : null);

/**
 * Live updates. The token comes in `handshake.auth` (never the query string, which
 * ends up in proxy logs); a client joins a job's room only if it may see the job.
 */
@WebSocketGateway({ path: SOCKET_PATH })
export class RealtimeGateway implements OnGatewayInit {
  private readonly log = new Logger('Realtime');
  @WebSocketServer() server!: Server;

  constructor(
    private readonly auth: AuthService,
    private readonly jobs: BulkJobsService,
  ) {}

  afterInit(server: Server): void {
    server.use((socket, next) => {
      const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
      if (typeof token !== 'string' || !token) return next(new Error('unauthorized: pass auth: { token }'));
      this.auth
        .authenticate(token)
        .then((user) => {
          if (!user) return next(new Error('unauthorized: the token is invalid or expired'));
          (socket.data as SocketData).user = user;
          next();
        })
        .catch((err) => {
          this.log.warn(`socket authentication failed: ${(err as Error).message}`);
          next(new Error('unauthorized'));
        });
    });
  }

  @SubscribeMessage(ClientEvent.JobSubscribe)
  async subscribeJob(@ConnectedSocket() socket: AuthedSocket, @MessageBody() payload: unknown): Promise<SubscribeAck> {
    const jobId = jobIdOf(payload);
    if (!jobId) return { ok: false, error: 'jobId is required' };
    if (!(await this.jobs.canSee(socket.data.user, jobId))) return { ok: false, error: `No job with id ${jobId}` };
    await socket.join(jobRoom(jobId));
    return { ok: true };
  }

  @SubscribeMessage(ClientEvent.JobUnsubscribe)
  async unsubscribeJob(@ConnectedSocket() socket: AuthedSocket, @MessageBody() payload: unknown): Promise<SubscribeAck> {
    const jobId = jobIdOf(payload);
    if (!jobId) return { ok: false, error: 'jobId is required' };
    await socket.leave(jobRoom(jobId));
    return { ok: true };
  }

  @SubscribeMessage(ClientEvent.OutboxSubscribe)
  async subscribeOutbox(@ConnectedSocket() socket: AuthedSocket): Promise<SubscribeAck> {
    const user = socket.data.user;
    await socket.join(user.role === ADMIN_ROLE ? ADMIN_OUTBOX_ROOM : outboxRoom(user.id));
    return { ok: true };
  }
}
