import { ResultRecorder } from './result-recorder';
import type { DeliveryResult } from './send-transport';

describe('ResultRecorder', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const sent = (from: number, count = 1): DeliveryResult[] => Array.from({ length: count }, (_, i) => ({ ref: String(from + i), messageId: `m${from + i}` }));

  /** A writer whose writes take `ms`; records the size of each write. */
  function recorderWriting(ms: number, backoff = 0) {
    const writes: number[] = [];
    const recorder = new ResultRecorder(async (results) => {
      writes.push(results.length);
      await new Promise((resolve) => setTimeout(resolve, ms));
      return backoff;
    });
    return { recorder, writes };
  }

  it('groups results for a short while instead of writing each at once', async () => {
    const { recorder, writes } = recorderWriting(5);
    recorder.add(sent(1));
    await jest.advanceTimersByTimeAsync(10);
    recorder.add(sent(2));
    expect(writes).toEqual([]);
    await jest.advanceTimersByTimeAsync(15);
    expect(writes).toEqual([2]);
  });

  it('writes at once when enough results are buffered', async () => {
    const { recorder, writes } = recorderWriting(5);
    recorder.add(sent(1, 249));
    expect(writes).toEqual([]);
    recorder.add(sent(250));
    expect(writes).toEqual([250]);
  });

  it('results that arrive during a write keep their own delay, then go in one write', async () => {
    const { recorder, writes } = recorderWriting(5);
    recorder.add(sent(1, 250));
    await jest.advanceTimersByTimeAsync(1);
    recorder.add(sent(251));
    await jest.advanceTimersByTimeAsync(10);
    recorder.add(sent(252));
    expect(writes).toEqual([250]);
    await jest.advanceTimersByTimeAsync(15);
    expect(writes).toEqual([250, 2]);
  });

  it('results that become due during a write follow it at once', async () => {
    const { recorder, writes } = recorderWriting(40);
    recorder.add(sent(1, 250));
    await jest.advanceTimersByTimeAsync(1);
    recorder.add(sent(251));
    await jest.advanceTimersByTimeAsync(38);
    expect(writes).toEqual([250]);
    await jest.advanceTimersByTimeAsync(1);
    expect(writes).toEqual([250, 1]);
  });

  it('drain writes what is buffered at once and returns the longest backoff', async () => {
    const { recorder, writes } = recorderWriting(5, 1000);
    recorder.add(sent(1));
    const drained = recorder.drain();
    expect(writes).toEqual([1]);
    await jest.advanceTimersByTimeAsync(5);
    await expect(drained).resolves.toBe(1000);
    expect([...recorder.reported]).toEqual(['1']);
  });

  it('drain rethrows a failed write', async () => {
    const recorder = new ResultRecorder(async () => {
      throw new Error('database down');
    });
    recorder.add(sent(1));
    await expect(recorder.drain()).rejects.toThrow('database down');
  });
});
