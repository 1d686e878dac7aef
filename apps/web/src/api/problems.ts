import type { Problem } from '@bluetick/contracts';

/** `recipients[3].phone`, `/recipients/3/phone` and `recipients.3.phone` all become `recipients.3.phone`. */
export function normalizeProblemPath(path: string): string {
  return path
    .replace(/\[(\w+)\]/g, '.$1')
    .replace(/\//g, '.')
    .replace(/^\.+|\.+$/g, '');
}

/** The messages of the problems at `path` or anywhere below it. */
export function problemsAt(problems: readonly Problem[], path: string): string[] {
  return problems
    .filter((p) => {
      const at = normalizeProblemPath(p.path);
      return at === path || at.startsWith(`${path}.`);
    })
    .map((p) => p.message);
}

/** The index right below `prefix` (`recipients.3.phone` under `recipients` → 3), or null. */
export function problemIndex(problem: Problem, prefix: string): number | null {
  const match = new RegExp(`^${prefix.replace(/\./g, '\\.')}\\.(\\d+)(\\.|$)`).exec(normalizeProblemPath(problem.path));
  return match ? Number(match[1]) : null;
}

/** The problems not at or below any of `paths`: those a form has no field for. */
export function problemsOutside(problems: readonly Problem[], paths: readonly string[]): Problem[] {
  return problems.filter((p) => !paths.some((path) => problemsAt([p], path).length > 0));
}
