import { formatMs } from '../format/format';
import type { LatencyBar } from './benchmark-series';

const PALETTE = ['#1f5f4a', '#2563eb', '#b45309', '#7c3aed', '#be123c', '#0e7490'];

/**
 * Bars of p50 latency with a p90 tick, one per version, provider and machine, on one scale. Plain
 * HTML and CSS (no chart library), so it reads as a list of numbers without the picture.
 */
export function LatencyChart({ bars }: { bars: LatencyBar[] }) {
  const max = Math.max(...bars.map((bar) => bar.p90Ms), 0.001);
  const providers = [...new Set(bars.map((bar) => bar.provider))];
  const colour = (provider: string) => PALETTE[providers.indexOf(provider) % PALETTE.length];
  const percent = (ms: number) => `${Math.max(0.5, (ms / max) * 100)}%`;
  return (
    <figure className="latency-chart">
      <ol aria-label="Best p50 latency per version, provider and hardware">
        {bars.map((bar) => (
          <li key={bar.runId} className="latency-row">
            <span className="latency-label">
              <strong>{bar.version}</strong> · {bar.provider} · {bar.hardware}
            </span>
            <span className="latency-track" aria-hidden="true">
              <span className="latency-bar" style={{ width: percent(bar.p50Ms), background: colour(bar.provider) }} />
              <span className="latency-p90" style={{ left: percent(bar.p90Ms) }} />
            </span>
            <span className="latency-value">
              {formatMs(bar.p50Ms)} <span className="muted small">p90 {formatMs(bar.p90Ms)}</span>
            </span>
          </li>
        ))}
      </ol>
      <figcaption className="legend">
        {providers.map((provider) => (
          <span key={provider}>
            <span className="swatch" style={{ background: colour(provider) }} aria-hidden="true" /> {provider}
          </span>
        ))}
        <span className="muted">bar: p50 · tick: p90 · lower is better</span>
      </figcaption>
    </figure>
  );
}
