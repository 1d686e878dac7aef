import type { CreateUserInput, UpdateUserInput, User, UserDetails, WebhookKind } from '@bluetick/contracts';
import { request } from './client';

const users = '/api/admin/users';
const user = (id: string) => `${users}/${encodeURIComponent(id)}`;

export const listUsers = (signal?: AbortSignal) => request<User[]>(users, { signal });

export const createUser = (input: CreateUserInput) => request<User>(users, { method: 'POST', body: input });

export const getUserDetails = (id: string, signal?: AbortSignal) => request<UserDetails>(user(id), { signal });

export const updateUser = (id: string, patch: UpdateUserInput) =>
  request<UserDetails>(user(id), { method: 'PATCH', body: patch });

export const rotateWebhook = (id: string, kind: WebhookKind) =>
  request<UserDetails>(`${user(id)}/webhooks/${kind}/rotate`, { method: 'POST' });
