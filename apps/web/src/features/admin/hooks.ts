import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UpdateUserInput, UserDetails, WebhookKind } from '@bluetick/contracts';
import { createUser, getUserDetails, listUsers, rotateWebhook, updateUser } from '../../api/admin';
import { queryKeys } from '../../api/query-keys';

export function useUsers() {
  return useQuery({ queryKey: queryKeys.users, queryFn: ({ signal }) => listUsers(signal) });
}

export function useUserDetails(id: string) {
  return useQuery({ queryKey: queryKeys.user(id), queryFn: ({ signal }) => getUserDetails(id, signal) });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.users, exact: true }),
  });
}

/** Stores the User Details a mutation answers with, and refreshes the users list. */
function useStoreDetails(id: string) {
  const queryClient = useQueryClient();
  return (details: UserDetails) => {
    queryClient.setQueryData(queryKeys.user(id), details);
    void queryClient.invalidateQueries({ queryKey: queryKeys.users, exact: true });
  };
}

/** PATCH /api/admin/users/:id; each form uses its own, so each shows its own errors. */
export function useUpdateUser(id: string) {
  const store = useStoreDetails(id);
  return useMutation({ mutationFn: (patch: UpdateUserInput) => updateUser(id, patch), onSuccess: store });
}

export function useRotateWebhook(id: string) {
  const store = useStoreDetails(id);
  return useMutation({ mutationFn: (kind: WebhookKind) => rotateWebhook(id, kind), onSuccess: store });
}
