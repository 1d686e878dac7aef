import { Wakeup } from './wakeup';

describe('Wakeup', () => {
  it('ends a sleep early on wake', async () => {
    const w = new Wakeup();
    const started = Date.now();
    const sleeping = w.sleep(10_000);
    w.wake();
    await sleeping;
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('remembers a wake that came while nobody slept, once', async () => {
    const w = new Wakeup();
    w.wake();
    w.wake();
    let second = false;
    await w.sleep(10_000);
    const next = w.sleep(20).then(() => (second = true));
    expect(second).toBe(false);
    await next;
    expect(second).toBe(true);
  });
});
