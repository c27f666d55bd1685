import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LicenseBadge, StatusBadge } from '../src/components/badges';
import { ProgressBar } from '../src/components/progress-bar';
import { FactsPanel } from '../src/model/facts-panel';
import { LatencyChart } from '../src/model/latency-chart';

const html = (element: Parameters<typeof renderToStaticMarkup>[0]) => renderToStaticMarkup(element);

describe('components', () => {
  it('shows a license with its commercial verdict, and a missing license as such', () => {
    expect(html(createElement(LicenseBadge, { license: 'cc-by-nc-4.0', commercialUse: 'no' }))).toContain('badge-bad');
    expect(html(createElement(LicenseBadge, { license: 'cc-by-nc-4.0', commercialUse: 'no' }))).toContain('non-commercial only');
    expect(html(createElement(LicenseBadge, { license: null, commercialUse: undefined }))).toContain('no license');
    expect(html(createElement(StatusBadge, { status: 'pending_review' }))).toContain('>pending review<');
  });

  it('draws progress as a native progress bar, indeterminate until the total is known', () => {
    const known = html(createElement(ProgressBar, { done: 250, total: 1000, label: 'Import progress' }));
    expect(known).toMatch(/<progress aria-label="Import progress" max="1000" value="250">/);
    expect(known).toContain('250 B of 1.00 kB (25%)');
    const unknown = html(createElement(ProgressBar, { done: 0, total: null, label: 'Import progress' }));
    expect(unknown).not.toContain('value=');
    expect(unknown).toContain('0 B so far');
  });

  it('scales latency bars to the slowest p90', () => {
    const chart = html(
      createElement(LatencyChart, {
        bars: [
          { version: '2.0', provider: 'webgpu', hardware: 'H100', p50Ms: 5, p90Ms: 10, runId: 'a' },
          { version: '1.0', provider: 'cpu', hardware: 'EPYC', p50Ms: 40, p90Ms: 50, runId: 'b' },
        ],
      }),
    );
    expect(chart).toContain('width:10%');
    expect(chart).toContain('left:20%');
    expect(chart).toContain('width:80%');
    expect(chart).toContain('left:100%');
    expect(chart).toMatch(/webgpu.*cpu/s);
  });

  it('lists ONNX inputs and says when the scan has not run', () => {
    const panel = html(
      createElement(FactsPanel, {
        facts: { onnx: { inputs: [{ name: 'pixel_values', dtype: 'float32', shape: ['batch', 3, 224, 224] }], outputs: [] } },
        parameters: 86_000_000,
        scannedAt: null,
      }),
    );
    expect(panel).toContain('ONNX inputs');
    expect(panel).toContain('[batch, 3, 224, 224]');
    expect(panel).toContain('86M');
    expect(panel).toContain('have not been scanned yet');
  });

  it('says a parameter count is not known rather than showing 0', () => {
    const panel = html(createElement(FactsPanel, { facts: { parameters: 0 }, parameters: null, scannedAt: '2026-01-01T00:00:00.000Z' }));
    expect(panel).toMatch(/<dt>Parameters<\/dt><dd><span class="muted">not known<\/span>/);
  });
});
