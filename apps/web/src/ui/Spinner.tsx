export function Spinner({ label = 'Loading' }: { label?: string }) {
  return <span className="spinner" role="status" aria-label={label} />;
}

/** A centred spinner with a caption, for a whole page or panel. */
export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="loading" data-testid="loading">
      <Spinner label={label} />
      <span>{label}</span>
    </div>
  );
}
