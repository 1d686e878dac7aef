/**
 * Coalesces concurrent writes: callers that arrive while a write is in flight are
 * written together by the next one. Under load that is one transaction for many
 * requests; when idle, a single caller is written at once, with no added delay.
 */
export class GroupCommit<T, R> {
  private queue: Array<{ items: T[]; resolve: (results: R[]) => void; reject: (err: unknown) => void }> = [];
  private writing = false;

  constructor(
    private readonly write: (items: T[]) => Promise<R[]>,
    private readonly maxItems = 5000,
  ) {}

  /** Resolves with this caller's share of the results (one per item, in order). */
  submit(items: T[]): Promise<R[]> {
    return new Promise<R[]>((resolve, reject) => {
      this.queue.push({ items, resolve, reject });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    while (this.queue.length > 0) {
      const group = [];
      let count = 0;
      while (this.queue.length > 0 && (group.length === 0 || count + this.queue[0].items.length <= this.maxItems)) {
        const next = this.queue.shift()!;
        group.push(next);
        count += next.items.length;
      }
      try {
        const results = await this.write(group.flatMap((g) => g.items));
        let offset = 0;
        for (const g of group) {
          g.resolve(results.slice(offset, offset + g.items.length));
          offset += g.items.length;
        }
      } catch (err) {
        for (const g of group) g.reject(err);
      }
    }
    this.writing = false;
  }
}
