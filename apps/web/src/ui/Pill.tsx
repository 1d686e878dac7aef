import { formatCount } from '../lib/format';

interface PillProps {
  label: string;
  count: number;
  tone: string;
  testId: string;
  /** Makes the pill a toggle button (a filter). */
  onClick?: () => void;
  active?: boolean;
}

export function Pill({ label, count, tone, testId, onClick, active = false }: PillProps) {
  const content = (
    <>
      <span className="pill-label">{label}</span>
      <span className="pill-count" data-testid={`${testId}-count`}>
        {formatCount(count)}
      </span>
    </>
  );
  const className = `pill tone-${tone}${active ? ' active' : ''}`;
  return onClick ? (
    <button type="button" className={className} data-testid={testId} data-count={count} aria-pressed={active} onClick={onClick}>
      {content}
    </button>
  ) : (
    <span className={className} data-testid={testId} data-count={count}>
      {content}
    </span>
  );
}
