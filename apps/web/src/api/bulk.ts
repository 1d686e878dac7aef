import type { CreateJobInput, Job, MessagePage } from '@bluetick/contracts';
import type { MessageFilters } from '../features/jobs/message-filters';
import { request, requestFile } from './client';

const jobs = '/api/bulk/jobs';
const job = (id: string) => `${jobs}/${encodeURIComponent(id)}`;

export interface MessagePageQuery extends MessageFilters {
  limit?: number;
  cursor?: string | null;
}

export const listJobs = (signal?: AbortSignal) => request<Job[]>(jobs, { signal });

export const getJob = (id: string, signal?: AbortSignal) => request<Job>(job(id), { signal });

export const createJob = (input: CreateJobInput) => request<Job>(jobs, { method: 'POST', body: input });

export const cancelJob = (id: string) => request<Job>(`${job(id)}/cancel`, { method: 'POST' });

export const retryFailed = (id: string) => request<Job>(`${job(id)}/retry-failed`, { method: 'POST' });

export const listMessages = (id: string, query: MessagePageQuery, signal?: AbortSignal) =>
  request<MessagePage>(`${job(id)}/messages`, { query: { ...query }, signal });

export const exportMessagesCsv = (id: string, filters: MessageFilters) =>
  requestFile(`${job(id)}/export.csv`, { query: { ...filters } });
