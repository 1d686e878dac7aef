import type { InfiniteData } from '@tanstack/react-query';
import type { Job, JobStatsEvent, Message, MessagePage } from '@bluetick/contracts';

/** What useInfiniteQuery keeps for a job's Messages table. */
export type MessagesData = InfiniteData<MessagePage, string | null>;

/**
 * Replaces the loaded rows that changed (matched by `id`, else by `messageId`) and nothing else:
 * rows not loaded yet are not added. Returns `data` itself when no loaded row changed.
 */
export function applyJobMessages(data: MessagesData, changed: readonly Message[]): MessagesData {
  if (changed.length === 0) return data;
  const byId = new Map(changed.map((m) => [m.id, m]));
  const byMessageId = new Map(changed.flatMap((m) => (m.messageId ? [[m.messageId, m] as const] : [])));

  let touched = false;
  const pages = data.pages.map((page) => {
    let pageTouched = false;
    const items = page.items.map((row) => {
      const next = byId.get(row.id) ?? (row.messageId ? byMessageId.get(row.messageId) : undefined);
      if (!next) return row;
      pageTouched = true;
      return next;
    });
    if (!pageTouched) return page;
    touched = true;
    return { ...page, items };
  });
  return touched ? { ...data, pages } : data;
}

/** The job with the counters, state and reply breakdown of a `job.stats` event for it. */
export function applyJobStats(job: Job, event: JobStatsEvent): Job {
  if (event.jobId !== job.id) return job;
  return {
    ...job,
    total: event.total,
    stats: event.stats,
    state: event.state,
    replies: event.replies ?? job.replies,
  };
}
