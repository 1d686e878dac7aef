interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/**
 * Rows of any statement. TypeORM's `query()` answers UPDATE/DELETE … RETURNING with
 * `[rows, rowCount]` but SELECT and INSERT with `rows`: this hides the difference.
 */
export async function queryRows<T>(q: Queryable, sql: string, params: unknown[] = []): Promise<T[]> {
  const result = await q.query(sql, params);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return result as T[];
}
