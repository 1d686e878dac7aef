import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ServerEvent, type Job } from '@bluetick/contracts';
import { cancelJob, exportMessagesCsv, getJob, listMessages, retryFailed } from '../../api/bulk';
import { queryKeys } from '../../api/query-keys';
import { saveBlob } from '../../lib/download';
import { slugify } from '../../lib/text';
import { useJobRoom, useSocketEvent } from '../../realtime/hooks';
import { applyOutboxJobs } from '../outbox/outbox-cache';
import { applyJobMessages, applyJobStats, type MessagesData } from './job-cache';
import type { MessageFilters } from './message-filters';

const MESSAGES_PAGE_SIZE = 50;

export function useJob(jobId: string) {
  return useQuery({ queryKey: queryKeys.job(jobId), queryFn: ({ signal }) => getJob(jobId, signal) });
}

/** The Messages table, paged by the server's cursor. */
export function useJobMessages(jobId: string, filters: MessageFilters) {
  return useInfiniteQuery({
    queryKey: queryKeys.jobMessages(jobId, filters),
    queryFn: ({ pageParam, signal }) =>
      listMessages(jobId, { ...filters, limit: MESSAGES_PAGE_SIZE, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/**
 * Live Job Details: joins the job's room (refetching once joined, for what happened before),
 * patches loaded rows from `job.messages` and the job from `job.stats` — no table refetch per event.
 */
export function useJobLive(jobId: string): { liveError: string | null } {
  const queryClient = useQueryClient();
  // Once joined, refetch both: a row that changed between the first fetch and the join would stay stale.
  const { error } = useJobRoom(jobId, () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.job(jobId) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.jobMessagesAll(jobId) });
  });

  useSocketEvent(ServerEvent.JobMessages, (event) => {
    if (event.jobId !== jobId) return;
    queryClient.setQueriesData<MessagesData>(
      { queryKey: queryKeys.jobMessagesAll(jobId) },
      (data) => data && applyJobMessages(data, event.messages),
    );
  });

  useSocketEvent(ServerEvent.JobStats, (event) => {
    if (event.jobId !== jobId) return;
    queryClient.setQueryData<Job>(queryKeys.job(jobId), (job) => job && applyJobStats(job, event));
    const update = { id: event.jobId, total: event.total, stats: event.stats, state: event.state };
    queryClient.setQueryData<Job[]>(queryKeys.jobs, (jobs) => jobs && applyOutboxJobs(jobs, [update]).jobs);
  });

  return { liveError: error };
}

/** Cancel / retry: they change many rows at once, so the table is refetched. */
function useJobCommand(jobId: string, command: (id: string) => Promise<Job>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => command(jobId),
    onSuccess: (job) => {
      queryClient.setQueryData(queryKeys.job(jobId), job);
      void queryClient.invalidateQueries({ queryKey: queryKeys.jobMessagesAll(jobId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.jobs, exact: true });
    },
  });
}

export const useCancelJob = (jobId: string) => useJobCommand(jobId, cancelJob);
export const useRetryFailed = (jobId: string) => useJobCommand(jobId, retryFailed);

/** Downloads the CSV export of the table as filtered, with the bearer token. */
export function useExportCsv(job: Job) {
  return useMutation({
    mutationFn: async (filters: MessageFilters) => {
      const { blob, filename } = await exportMessagesCsv(job.id, filters);
      saveBlob(blob, filename ?? `${slugify(job.name) || 'job'}-messages.csv`);
    },
  });
}
