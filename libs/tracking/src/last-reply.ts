import type { LastReplyState } from './tracking-state';

/**
 * The reply to keep as "last": the newer one. Two replies reported at the same instant
 * are ordered by their content, so every processing order keeps the same one.
 */
export function newerReply(current: LastReplyState | null, candidate: LastReplyState): LastReplyState {
  if (current === null) return candidate;
  const byTime = candidate.at.getTime() - current.at.getTime();
  if (byTime !== 0) return byTime > 0 ? candidate : current;
  return tieBreakKey(candidate) > tieBreakKey(current) ? candidate : current;
}

function tieBreakKey(reply: LastReplyState): string {
  return JSON.stringify([reply.type, reply.id, reply.title, reply.text, reply.payload]) ?? '';
}
