import type { DeliveryResult } from './send-transport';

/**
 * Persists results as they arrive instead of when a whole batch is done: one slow
 * request no longer keeps its batch-mates pending, and a crash loses at most the
 * results of one write. Results that arrive during a write go into the next one
 * (a natural group commit).
 */
export class ResultRecorder {
  private buffer: DeliveryResult[] = [];
  private writing: Promise<void> | null = null;
  private backoffMs = 0;
  private failure: unknown = null;
  /** Refs that have a result, so the caller can settle any the transport never reported. */
  readonly reported = new Set<string>();

  constructor(private readonly write: (results: DeliveryResult[]) => Promise<number>) {}

  add(results: DeliveryResult[]): void {
    for (const r of results) this.reported.add(r.ref);
    this.buffer.push(...results);
    this.writing ??= this.flush();
  }

  /** Waits for every result to be written; returns the longest backoff asked for. */
  async drain(): Promise<number> {
    while (this.writing) await this.writing;
    if (this.failure) throw this.failure;
    return this.backoffMs;
  }

  private async flush(): Promise<void> {
    try {
      while (this.buffer.length > 0) {
        const results = this.buffer;
        this.buffer = [];
        this.backoffMs = Math.max(this.backoffMs, await this.write(results));
      }
    } catch (err) {
      this.failure = err;
    } finally {
      this.writing = null;
    }
  }
}
