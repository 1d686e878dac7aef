/** Placeholder table rows while the first page loads. */
export function SkeletonRows({ rows = 5, columns }: { rows?: number; columns: number }) {
  return (
    <>
      {Array.from({ length: rows }, (_, r) => (
        <tr key={r} className="skeleton-row" data-testid="skeleton-row" aria-hidden>
          {Array.from({ length: columns }, (_, c) => (
            <td key={c}>
              <span className="skeleton" />
            </td>
          ))}
        </tr>
      ))}
    </>
  );
}

export function SkeletonBlock({ height = 96 }: { height?: number }) {
  return <div className="skeleton skeleton-block" style={{ height }} data-testid="loading" aria-hidden />;
}
