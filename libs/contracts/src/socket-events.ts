import type { Job, JobState, Message, ReplyCount } from './bulk';
import type { JobStats } from './message-status';

export const SOCKET_PATH = '/socket.io';

/** Client → server (all acknowledged). */
export const ClientEvent = {
  JobSubscribe: 'job:subscribe',
  JobUnsubscribe: 'job:unsubscribe',
  OutboxSubscribe: 'outbox:subscribe',
} as const;

/** Server → client. */
export const ServerEvent = {
  JobMessages: 'job.messages',
  JobStats: 'job.stats',
  OutboxJobs: 'outbox.jobs',
} as const;

export const jobRoom = (jobId: string) => `job:${jobId}`;
export const outboxRoom = (userId: string) => `outbox:${userId}`;
export const ADMIN_OUTBOX_ROOM = 'outbox:*';

export type SubscribeAck = { ok: true } | { ok: false; error: string };

export interface JobSubscribePayload {
  jobId: string;
}

export interface JobMessagesEvent {
  jobId: string;
  messages: Message[];
}

export interface JobStatsEvent {
  jobId: string;
  total: number;
  stats: JobStats;
  state: JobState;
  replies: ReplyCount[];
}

export interface OutboxJobsEvent {
  jobs: Array<Pick<Job, 'id' | 'total' | 'stats' | 'state'>>;
}
