import { MESSAGE_STATUSES, type JobStats, type MessageStatus } from '@bluetick/contracts';

/** A change to a job's counters; absent keys are zero. */
export type StatsDelta = Partial<Record<MessageStatus, number>>;

/** A counter would go below zero: the counters no longer match the rows. */
export class NegativeCountError extends Error {
  constructor(
    readonly status: MessageStatus,
    readonly value: number,
  ) {
    super(`job counter '${status}' would become ${value}; counters must match a GROUP BY status of the rows`);
    this.name = 'NegativeCountError';
  }
}

/**
 * The counter change of one message moving `from` → `to`. `null` means the message
 * did not exist (created) or no longer does (removed).
 */
export function statsDelta(from: MessageStatus | null, to: MessageStatus | null): StatsDelta {
  if (from === to) return {};
  const delta: StatsDelta = {};
  if (from !== null) delta[from] = -1;
  if (to !== null) delta[to] = 1;
  return delta;
}

/** One delta for many transitions (e.g. a processed batch); zero entries are dropped. */
export function mergeDeltas(deltas: Iterable<StatsDelta>): StatsDelta {
  const sums: StatsDelta = {};
  for (const delta of deltas) {
    for (const status of MESSAGE_STATUSES) {
      const change = delta[status];
      if (change) sums[status] = (sums[status] ?? 0) + change;
    }
  }
  for (const status of MESSAGE_STATUSES) if (sums[status] === 0) delete sums[status];
  return sums;
}

/** New counters; throws NegativeCountError rather than store a count below zero. */
export function addStats(stats: JobStats, delta: StatsDelta): JobStats {
  const next = { ...stats };
  for (const status of MESSAGE_STATUSES) {
    const value = stats[status] + (delta[status] ?? 0);
    if (value < 0) throw new NegativeCountError(status, value);
    next[status] = value;
  }
  return next;
}

/** Total messages counted: equals the job's total while the counters are a partition. */
export function sumStats(stats: JobStats | StatsDelta): number {
  return MESSAGE_STATUSES.reduce((sum, status) => sum + (stats[status] ?? 0), 0);
}
