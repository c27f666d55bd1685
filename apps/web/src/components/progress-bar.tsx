import { formatBytes } from '../format/format';

/** Bytes done of a total (unknown until the source listed its files). */
export function ProgressBar({ done, total, label }: { done: number; total: number | null; label: string }) {
  const percent = total ? Math.min(100, Math.floor((done / total) * 100)) : undefined;
  return (
    <div className="progress">
      <progress aria-label={label} max={total ?? undefined} value={total ? done : undefined} />
      <span className="progress-text">
        {total === null ? `${formatBytes(done)} so far` : `${formatBytes(done)} of ${formatBytes(total)} (${percent}%)`}
      </span>
    </div>
  );
}
