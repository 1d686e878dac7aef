import type { Problem } from '@bluetick/contracts';

/** How many problems a 400 lists before summarising the rest. */
export const MAX_REPORTED_PROBLEMS = 100;

/** Collects problems; keeps the first `limit` and counts the rest, so 100,000 bad rows stay cheap. */
export class ProblemList {
  private readonly kept: Problem[] = [];
  private notListed = 0;

  constructor(private readonly limit: number = MAX_REPORTED_PROBLEMS) {}

  add(path: string, message: string): void {
    if (this.kept.length < this.limit) this.kept.push({ path, message });
    else this.notListed += 1;
  }

  get isEmpty(): boolean {
    return this.kept.length === 0;
  }

  toArray(): Problem[] {
    if (this.notListed === 0) return [...this.kept];
    return [
      ...this.kept,
      {
        path: '',
        message: `and ${this.notListed} more problem${this.notListed === 1 ? '' : 's'} not listed: fix these and submit again to see the rest`,
      },
    ];
  }
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** ['recipients', 3, 'phone'] → 'recipients[3].phone'; odd keys in brackets: variables["first.name"]. */
export function formatPath(segments: readonly PropertyKey[]): string {
  let path = '';
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`;
    else if (typeof segment === 'string' && IDENTIFIER.test(segment)) path += path ? `.${segment}` : segment;
    else path += `[${JSON.stringify(String(segment))}]`;
  }
  return path;
}
