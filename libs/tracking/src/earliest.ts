/** The earlier of two times; keeps `current` (same object) on a tie so "no change" is cheap to see. */
export function earliest(current: Date | null, candidate: Date | null): Date | null {
  if (candidate === null) return current;
  if (current === null) return candidate;
  return candidate.getTime() < current.getTime() ? candidate : current;
}

export function sameTime(a: Date | null, b: Date | null): boolean {
  return a === b || (a !== null && b !== null && a.getTime() === b.getTime());
}

export function assertValidDate(at: Date, what: string): void {
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) {
    throw new RangeError(`${what} must be a valid Date`);
  }
}
