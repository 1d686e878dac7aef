import type { DeliveryResult } from './send-transport';

/** A write starts once this many results are buffered… */
const WRITE_AT_RESULTS = 250;
/** …or this long after the first buffered result, whichever comes first. */
const WRITE_AFTER_MS = 25;

/**
 * Persists results as they arrive instead of when a whole batch is done: one slow
 * request no longer keeps its batch-mates pending, and a crash loses at most the
 * results of one write plus those buffered. Results are grouped (by count or a short
 * delay) so that a write carries many of them rather than one transaction per request.
 */
export class ResultRecorder {
  private buffer: DeliveryResult[] = [];
  private timer: NodeJS.Timeout | null = null;
  /** The buffer should be written as soon as the current write (if any) ends. */
  private due = false;
  private writing: Promise<void> | null = null;
  private backoffMs = 0;
  private failure: unknown = null;
  /** Refs that have a result, so the caller can settle any the transport never reported. */
  readonly reported = new Set<string>();

  constructor(private readonly write: (results: DeliveryResult[]) => Promise<number>) {}

  add(results: DeliveryResult[]): void {
    for (const r of results) this.reported.add(r.ref);
    this.buffer.push(...results);
    if (this.buffer.length >= WRITE_AT_RESULTS) this.writeNow();
    else if (this.buffer.length > 0) this.timer ??= setTimeout(() => this.writeNow(), WRITE_AFTER_MS);
  }

  /** Writes whatever is buffered at once and waits for every write; returns the longest backoff asked for. */
  async drain(): Promise<number> {
    while (this.writing || (this.buffer.length > 0 && !this.failure)) {
      this.writeNow();
      await this.writing;
    }
    if (this.failure) throw this.failure;
    return this.backoffMs;
  }

  private writeNow(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.due = true;
    if (!this.writing && this.buffer.length > 0) this.writing = this.flush().finally(() => (this.writing = null));
  }

  private async flush(): Promise<void> {
    try {
      // Results that became due during a write go into the next one (a natural group commit).
      while (this.due && this.buffer.length > 0) {
        this.due = false;
        const results = this.buffer;
        this.buffer = [];
        this.backoffMs = Math.max(this.backoffMs, await this.write(results));
      }
    } catch (err) {
      this.failure = err;
    }
  }
}
