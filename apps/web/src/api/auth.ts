import type { LoginInput, LoginResponse, Me } from '@bluetick/contracts';
import { request } from './client';

export const login = (input: LoginInput) =>
  request<LoginResponse>('/api/auth/login', { method: 'POST', body: input, auth: false });

export const getMe = (signal?: AbortSignal) => request<Me>('/api/auth/me', { signal });
