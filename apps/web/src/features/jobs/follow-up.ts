import { BULK_LIMITS, MessageStatus, type Job, type MessagePage } from '@bluetick/contracts';
import { NO_FILTERS, type MessageFilters } from './message-filters';
import { isFilterableReplyKey, replyBars } from './replies';

/** A group of a job's recipients to write to again. */
export interface FollowUpSegment {
  key: string;
  label: string;
  /** From the job's counters: how many messages, not yet de-duplicated by phone. */
  count: number;
  filters: MessageFilters;
}

export function followUpSegments(job: Job): FollowUpSegment[] {
  const clicked = replyBars(job.buttons, job.replies)
    .filter((bar) => isFilterableReplyKey(bar.key) && (bar.isButton || bar.count > 0))
    .map((bar) => ({
      key: `reply:${bar.key}`,
      label: `Replied “${bar.title}”`,
      count: bar.count,
      filters: { ...NO_FILTERS, replyId: bar.key },
    }));
  return [
    ...clicked,
    {
      key: 'unread',
      label: 'Has not read (sent or delivered)',
      count: job.stats.sent + job.stats.delivered,
      filters: { ...NO_FILTERS, status: [MessageStatus.Sent, MessageStatus.Delivered] },
    },
    {
      key: 'failed',
      label: 'Message failed',
      count: job.stats.failed,
      filters: { ...NO_FILTERS, status: [MessageStatus.Failed] },
    },
  ];
}

export const FOLLOW_UP_PAGE_SIZE = 500;

/** Every distinct phone of a segment, paging through the messages endpoint until its last page. */
export async function collectPhones(
  fetchPage: (cursor: string | null) => Promise<MessagePage>,
  max: number = BULK_LIMITS.maxRecipients,
): Promise<string[]> {
  const phones = new Set<string>();
  let cursor: string | null = null;
  do {
    const page: MessagePage = await fetchPage(cursor);
    for (const message of page.items) {
      if (phones.size >= max) return [...phones];
      phones.add(message.phone);
    }
    cursor = page.nextCursor;
  } while (cursor);
  return [...phones];
}

export function followUpName(job: Job, segment: FollowUpSegment): string {
  return `${job.name || 'Job'} — follow-up: ${segment.label}`.slice(0, 200);
}
