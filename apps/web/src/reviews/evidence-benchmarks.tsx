import type { Evidence } from '../api/api-types';
import { StatusBadge } from '../components/badges';
import { formatDate, formatMs } from '../format/format';
import { RunDetails } from '../model/run-details';

/** Every benchmark run of the version, failed and cancelled ones too: a failed smoke test is evidence. */
export function EvidenceBenchmarks({ evidence, headingId }: { evidence: Evidence; headingId: string }) {
  const runs = evidence.benchmarkRuns;
  return (
    <section className="evidence-section" aria-labelledby={headingId}>
      <h3 id={headingId}>Benchmarks</h3>
      {runs === undefined ? (
        <p className="small">
          {evidence.benchmarks.length} succeeded {evidence.benchmarks.length === 1 ? 'run' : 'runs'}{' '}
          <span className="muted">(recorded before failed runs were kept with the evidence)</span>
        </p>
      ) : runs.length === 0 ? (
        <p className="muted small">No benchmark runs: the version has no ONNX file, or its runs were not queued yet.</p>
      ) : (
        <ul className="run-list">
          {runs.map((run) => (
            <li key={run.id} className={`run run-${run.status}`}>
              <p>
                <StatusBadge status={run.status} /> <code>{run.file}</code>
                {run.executionProvider && <> on {run.executionProvider}</>}
                {run.hardware && <span className="muted"> ({run.hardware})</span>}
                {run.p50Ms !== null && <> · p50 {formatMs(run.p50Ms)}</>}{' '}
                {run.reference && (
                  <span className={`badge badge-${run.reference.passed ? 'good' : 'bad'}`}>
                    reference {run.reference.passed ? 'matches' : `off by ${run.reference.maxAbsError}`}
                  </span>
                )}
              </p>
              {run.error && <p className="run-error">{run.error}</p>}
              <RunDetails inputs={run.inputs} findings={run.findings} />
              <p className="muted small">
                Requested by {run.requestedByName}
                {run.finishedAt && `, finished ${formatDate(run.finishedAt)}`}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
