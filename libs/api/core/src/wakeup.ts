/**
 * Lets a worker loop sleep until there is work: `sleep(ms)` ends on the next `wake()` or
 * after `ms`. A wake that arrives while the loop is busy is remembered, so the next sleep
 * returns at once instead of waiting out its poll interval.
 */
export class Wakeup {
  private pending = false;
  private sleeper: (() => void) | null = null;

  wake(): void {
    if (this.sleeper) this.sleeper();
    else this.pending = true;
  }

  sleep(ms: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.sleeper = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.sleeper = done;
    });
  }
}
