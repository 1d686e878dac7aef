import { emptyStats, MessageStatus as S } from '@bluetick/contracts';
import { NegativeCountError, addStats, mergeDeltas, statsDelta, sumStats } from './stats';

describe('statsDelta', () => {
  it.each([
    [S.Sent, S.Delivered, { sent: -1, delivered: 1 }],
    [S.Failed, S.Replied, { failed: -1, replied: 1 }],
    [null, S.Queued, { queued: 1 }],
    [S.Read, null, { read: -1 }],
    [S.Read, S.Read, {}],
    [null, null, {}],
  ] as const)('%s → %s = %o', (from, to, expected) => {
    expect(statsDelta(from, to)).toEqual(expected);
  });

  it('sums to zero for a move and ±1 for a create / remove', () => {
    expect(sumStats(statsDelta(S.Queued, S.Pending))).toBe(0);
    expect(sumStats(statsDelta(null, S.Queued))).toBe(1);
  });
});

describe('mergeDeltas', () => {
  it('adds many transitions and drops zeros', () => {
    expect(
      mergeDeltas([statsDelta(S.Sent, S.Delivered), statsDelta(S.Delivered, S.Read), statsDelta(S.Sent, S.Failed)]),
    ).toEqual({ sent: -2, read: 1, failed: 1 });
    expect(mergeDeltas([])).toEqual({});
    expect(mergeDeltas([statsDelta(S.Sent, S.Read), statsDelta(S.Read, S.Sent)])).toEqual({});
  });
});

describe('addStats', () => {
  it('applies a delta without touching the input', () => {
    const stats = { ...emptyStats(), sent: 3 };
    expect(addStats(stats, { sent: -1, delivered: 1 })).toEqual({ ...emptyStats(), sent: 2, delivered: 1 });
    expect(stats.sent).toBe(3);
  });

  it('throws rather than store a negative count', () => {
    expect(() => addStats(emptyStats(), { delivered: -1 })).toThrow(NegativeCountError);
    expect(() => addStats(emptyStats(), { delivered: -1 })).toThrow("job counter 'delivered' would become -1");
  });
});

describe('sumStats', () => {
  it('is the total of every status', () => {
    expect(sumStats({ queued: 1, pending: 2, sent: 3, delivered: 4, read: 5, failed: 6, replied: 7 })).toBe(28);
  });
});
