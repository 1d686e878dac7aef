import { RatePacer } from './rate-pacer';

describe('RatePacer', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  /** Starts `count` single-message takes at once; returns when each resolved (ms after the start). */
  async function sendTimes(pacer: RatePacer, count: number): Promise<number[]> {
    const start = Date.now();
    const times: number[] = [];
    const takes = Array.from({ length: count }, () => pacer.take(1).then(() => times.push(Date.now() - start)));
    await jest.advanceTimersByTimeAsync(60_000);
    await Promise.all(takes);
    return times.sort((a, b) => a - b);
  }

  it('does not burst at the start: the first messages are spaced at the rate', async () => {
    const times = await sendTimes(new RatePacer(80, () => Date.now()), 80);
    expect(times.filter((t) => t <= 1)).toHaveLength(1);
    expect(times[79]).toBeGreaterThanOrEqual(Math.floor((79 * 1000) / 80));
  });

  it('after a pause, catches up at most 100 ms worth of messages at once', async () => {
    const pacer = new RatePacer(80, () => Date.now());
    await sendTimes(pacer, 10); // then idle for the rest of its minute
    const times = await sendTimes(pacer, 20);
    // The one due now, plus 100 ms at 80/s = 8 of allowance; the rest at the rate.
    expect(times.filter((t) => t <= 1)).toHaveLength(9);
    expect(times[19] - times[8]).toBeGreaterThanOrEqual(Math.floor((11 * 1000) / 80));
  });

  it('follows a rate change from the next take', async () => {
    const pacer = new RatePacer(10, () => Date.now());
    await sendTimes(pacer, 2);
    pacer.setRate(1000);
    const times = await sendTimes(pacer, 200);
    expect(times[199]).toBeGreaterThanOrEqual(99);
    expect(times[199]).toBeLessThanOrEqual(101);
  });
});
