/**
 * Paces sends to `perSecond` messages. Only the process holding a channel's advisory
 * lock sends for it, so pacing in that process is pacing across the cluster. A small
 * allowance lets requests catch up after a pause (a database write) without bursting.
 */
export class RatePacer {
  /** When the next message may go out; null until the first take. */
  private nextAt: number | null = null;
  private readonly catchUpMs: number;

  constructor(
    private perSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.catchUpMs = 100;
  }

  setRate(perSecond: number): void {
    this.perSecond = perSecond;
  }

  /** Resolves when `count` more messages may go out. */
  async take(count: number): Promise<void> {
    const now = this.now();
    // The first take starts the schedule now: the catch-up allowance is for pauses, not for a start burst.
    const start = this.nextAt === null ? now : Math.max(this.nextAt, now - this.catchUpMs);
    this.nextAt = start + (count * 1000) / this.perSecond;
    const wait = start - now;
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
  }
}
