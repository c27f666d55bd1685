import { useLive } from '../live/live-updates';
import { useQueries } from '@tanstack/react-query';
import { Fragment } from 'react';
import { dataOf } from '../api/api-error';
import type { BenchmarkRun, Model, VersionSummary } from '../api/api-types';
import { useApi, useAuth } from '../auth/auth-context';
import { hasRole } from '../auth/roles';
import { ActorName } from '../components/actor-name';
import { StatusBadge } from '../components/badges';
import { Empty, ErrorNotice, Loading } from '../components/status-views';
import { formatDate, formatMs } from '../format/format';
import { hardwareLabel, isRunActive, latencyBars } from './benchmark-series';
import { BenchmarkForm } from './benchmark-form';
import { LatencyChart } from './latency-chart';
import { RunDetails } from './run-details';
import { ScrollRegion } from '../components/scroll-region';

/** The history covers this many of the newest versions. */
const HISTORY_VERSIONS = 10;

export function BenchmarksPanel({ model, versions, selected }: { model: Model; versions: VersionSummary[]; selected: string }) {
  const api = useApi();
  const live = useLive();
  const { principal } = useAuth();
  const { namespace, name } = model;
  const history = versions.slice(0, HISTORY_VERSIONS).map((version) => version.version);
  if (!history.includes(selected)) history.push(selected);
  const result = useQueries({
    queries: history.map((version) => ({
      queryKey: ['benchmarks', namespace, name, version],
      queryFn: () =>
        dataOf(
          api.GET('/v1/models/{namespace}/{name}/versions/{version}/benchmarks', {
            params: { path: { namespace, name, version }, query: { limit: 100 } },
          }),
        ),
      // A finished run is a version.benchmarked event: the live stream refreshes these queries; without it
      // (viewers, a dropped connection) they are polled while a run is active.
      refetchInterval: (query: { state: { data?: { items: BenchmarkRun[] } } }) =>
        !live && query.state.data?.items.some(isRunActive) ? 1000 : false,
    })),
    combine: (results) => ({
      runs: results.flatMap((query) => query.data?.items ?? []),
      pending: results.some((query) => query.isPending),
      error: results.find((query) => query.isError)?.error,
      retry: () => results.forEach((query) => void query.refetch()),
    }),
  });

  const bars = latencyBars(result.runs, history);
  const selectedRuns = result.runs.filter((run) => run.version === selected);
  return (
    <section className="panel" aria-labelledby="benchmarks-title">
      <h2 id="benchmarks-title">Benchmarks</h2>
      {result.pending ? (
        <Loading label="Loading benchmark runs…" />
      ) : result.error ? (
        <ErrorNotice error={result.error} onRetry={result.retry} />
      ) : (
        <>
          <h3>Latency across versions</h3>
          {bars.length === 0 ? <Empty title="No successful benchmark runs yet" /> : <LatencyChart bars={bars} />}
          <h3>Runs of {selected}</h3>
          {selectedRuns.length === 0 ? <Empty title={`No benchmark runs of ${selected}`} /> : <RunsTable runs={selectedRuns} />}
        </>
      )}
      {hasRole(principal?.role, 'publisher') && <BenchmarkForm namespace={namespace} name={name} version={selected} />}
    </section>
  );
}

function RunsTable({ runs }: { runs: BenchmarkRun[] }) {
  return (
    <ScrollRegion label="Benchmark runs">
      <table className="runs-table">
        <thead>
          <tr>
            <th scope="col">Status</th>
            <th scope="col">File</th>
            <th scope="col">Provider</th>
            <th scope="col">Hardware</th>
            <th scope="col">p50</th>
            <th scope="col">p90</th>
            <th scope="col">p99</th>
            <th scope="col">Throughput</th>
            <th scope="col">Load</th>
            <th scope="col">Started</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => {
            const provider = run.executionProvider.actual ?? run.executionProvider.requested;
            return (
              <Fragment key={run.id}>
                <tr>
                  <td>
                    <StatusBadge status={run.status} />
                    {run.reference && (
                      <span className={`badge badge-${run.reference.passed ? 'good' : 'bad'}`}>
                        reference {run.reference.passed ? 'ok' : 'off'}
                      </span>
                    )}
                    {run.findings.length > 0 && (
                      <span
                        className={`badge badge-${run.findings.some((finding) => finding.severity === 'critical') ? 'bad' : 'warn'}`}
                        title={run.findings.map((finding) => finding.message).join('\n')}
                      >
                        {run.findings.length} finding{run.findings.length === 1 ? '' : 's'}
                      </span>
                    )}
                  </td>
                  <td>
                    <code>{run.file}</code>
                  </td>
                  <td>
                    {provider}
                    {run.executionProvider.fallbackReason && (
                      <span className="small muted" title={run.executionProvider.fallbackReason}>
                        {' '}
                        (asked for {run.executionProvider.requested})
                      </span>
                    )}
                  </td>
                  <td>{hardwareLabel(run.hardware, provider)}</td>
                  {run.metrics ? (
                    <>
                      <td className="numeric">{formatMs(run.metrics.p50Ms)}</td>
                      <td className="numeric">{formatMs(run.metrics.p90Ms)}</td>
                      <td className="numeric">{formatMs(run.metrics.p99Ms)}</td>
                      <td className="numeric">{run.metrics.throughput.toFixed(1)}/s</td>
                      <td className="numeric">{formatMs(run.metrics.loadMs)}</td>
                    </>
                  ) : (
                    <td colSpan={5} className="muted small">
                      {run.error ?? (isRunActive(run) ? 'Measuring…' : '—')}
                    </td>
                  )}
                  <td className="small">
                    {formatDate(run.startedAt ?? run.createdAt)}
                    <span className="muted">
                      {' '}
                      by <ActorName actor={run.requestedBy} name={run.requestedByName} />
                    </span>
                  </td>
                </tr>
                {(run.findings.length > 0 || (run.inputs?.length ?? 0) > 0) && (
                  <tr className="run-details-row">
                    <td colSpan={10}>
                      <RunDetails inputs={run.inputs} findings={run.findings} />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
