import type { Socket } from 'socket.io-client';
import {
  ClientEvent,
  ServerEvent,
  type JobMessagesEvent,
  type JobStatsEvent,
  type JobSubscribePayload,
  type OutboxJobsEvent,
  type SubscribeAck,
} from '@bluetick/contracts';

export interface ServerToClientEvents {
  [ServerEvent.JobMessages]: (event: JobMessagesEvent) => void;
  [ServerEvent.JobStats]: (event: JobStatsEvent) => void;
  [ServerEvent.OutboxJobs]: (event: OutboxJobsEvent) => void;
}

type Ack = (ack: SubscribeAck) => void;

export interface ClientToServerEvents {
  [ClientEvent.JobSubscribe]: (payload: JobSubscribePayload, ack: Ack) => void;
  [ClientEvent.JobUnsubscribe]: (payload: JobSubscribePayload, ack: Ack) => void;
  [ClientEvent.OutboxSubscribe]: (payload: Record<string, never>, ack: Ack) => void;
}

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** `live`: connected; `connecting`: first attempt; `reconnecting`: lost and trying again. */
export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting';
