import type { MessageFilters } from '../features/jobs/message-filters';

/**
 * Every TanStack Query key in one place, so patches and invalidations hit the right entries.
 * A job's key is the prefix of its messages' keys: invalidating a job refreshes its table too.
 */
export const queryKeys = {
  me: ['me'] as const,
  users: ['admin', 'users'] as const,
  user: (id: string) => ['admin', 'users', id] as const,
  jobs: ['jobs', 'list'] as const,
  job: (id: string) => ['jobs', 'detail', id] as const,
  /** Prefix of every messages query of a job, whatever its filters. */
  jobMessagesAll: (id: string) => ['jobs', 'detail', id, 'messages'] as const,
  jobMessages: (id: string, filters: MessageFilters) => ['jobs', 'detail', id, 'messages', filters] as const,
};
