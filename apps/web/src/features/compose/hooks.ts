import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createJob } from '../../api/bulk';
import { queryKeys } from '../../api/query-keys';

export function useCreateJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createJob,
    onSuccess: (job) => {
      queryClient.setQueryData(queryKeys.job(job.id), job);
      void queryClient.invalidateQueries({ queryKey: queryKeys.jobs, exact: true });
    },
  });
}
