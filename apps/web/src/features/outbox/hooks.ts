import { useRef } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ServerEvent, type Job } from '@bluetick/contracts';
import { listJobs } from '../../api/bulk';
import { queryKeys } from '../../api/query-keys';
import { useOutboxRoom, useSocketEvent } from '../../realtime/hooks';
import { applyOutboxJobs } from './outbox-cache';

export function useJobs() {
  return useQuery({ queryKey: queryKeys.jobs, queryFn: ({ signal }) => listJobs(signal) });
}

/** Live Outbox: patches the listed jobs from `outbox.jobs`; refetches the list once for a job it has not seen. */
export function useOutboxLive(): { liveError: string | null } {
  const queryClient = useQueryClient();
  const fetchedFor = useRef(new Set<string>());
  const refetchList = () => void queryClient.invalidateQueries({ queryKey: queryKeys.jobs, exact: true });
  const { error } = useOutboxRoom(refetchList);

  useSocketEvent(ServerEvent.OutboxJobs, (event) => {
    const jobs = queryClient.getQueryData<Job[]>(queryKeys.jobs);
    if (!jobs) return;
    const patch = applyOutboxJobs(jobs, event.jobs);
    if (patch.jobs !== jobs) queryClient.setQueryData(queryKeys.jobs, patch.jobs);
    const unseen = patch.unknownIds.filter((id) => !fetchedFor.current.has(id));
    if (unseen.length === 0) return;
    unseen.forEach((id) => fetchedFor.current.add(id));
    refetchList();
  });

  return { liveError: error };
}
