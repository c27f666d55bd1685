import { useLive } from '../live/live-updates';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { dataOf } from '../api/api-error';
import type { BenchmarkRequest } from '../api/api-types';
import { useApi } from '../auth/auth-context';
import { StatusBadge } from '../components/badges';
import { ErrorNotice } from '../components/status-views';
import { formatMs } from '../format/format';
import { hardwareLabel, isRunActive } from './benchmark-series';
import { useVersionFiles } from './files-panel';
import { SelectField } from '../components/select-field';
import { TextField } from '../components/text-field';
import { parseDimsText } from './dims-text';

const PROVIDERS: { value: NonNullable<BenchmarkRequest['executionProvider']>; label: string }[] = [
  { value: 'auto', label: 'Best available' },
  { value: 'cpu', label: 'CPU' },
  { value: 'webgpu', label: 'WebGPU' },
  { value: 'cuda', label: 'CUDA' },
];

interface Props {
  namespace: string;
  name: string;
  version: string;
}

/** Publishers queue a run on a worker, then follow it here until it has a result. */
export function BenchmarkForm({ namespace, name, version }: Props) {
  const api = useApi();
  const live = useLive();
  const queryClient = useQueryClient();
  const files = useVersionFiles(namespace, name, version);
  const onnxFiles = (files.data?.items ?? []).filter((file) => file.format === 'onnx').map((file) => file.path);
  const [file, setFile] = useState('');
  const [provider, setProvider] = useState<NonNullable<BenchmarkRequest['executionProvider']>>('auto');
  const [batchSize, setBatchSize] = useState('1');
  const [iterations, setIterations] = useState('20');
  const [dimsText, setDimsText] = useState('');
  const dims = parseDimsText(dimsText);
  const [runId, setRunId] = useState<string | null>(null);

  const start = useMutation({
    mutationFn: (request: BenchmarkRequest) =>
      dataOf(
        api.POST('/v1/models/{namespace}/{name}/versions/{version}/benchmarks', {
          params: { path: { namespace, name, version } },
          body: request,
        }),
      ),
    onSuccess: async (run) => {
      setRunId(run.id);
      await queryClient.invalidateQueries({ queryKey: ['benchmarks', namespace, name, version] });
    },
  });
  const run = useQuery({
    queryKey: ['benchmark', runId],
    queryFn: () => dataOf(api.GET('/v1/benchmarks/{id}', { params: { path: { id: runId ?? '' } } })),
    enabled: runId !== null,
    // The live stream refreshes it on version.benchmarked; polled only without the stream (see BenchmarksPanel).
    refetchInterval: (query) => (live || (query.state.data && !isRunActive(query.state.data)) ? false : 1000),
  });
  const finished = run.data !== undefined && !isRunActive(run.data);
  useEffect(() => {
    if (finished) void queryClient.invalidateQueries({ queryKey: ['benchmarks', namespace, name, version] });
  }, [finished, queryClient, namespace, name, version]);

  if (files.isSuccess && onnxFiles.length === 0) {
    return <p className="muted small">Benchmarks run ONNX files: this version has none.</p>;
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (dims.problem) return;
    start.mutate({
      executionProvider: provider,
      batchSize: Number(batchSize),
      iterations: Number(iterations),
      ...(file ? { file } : {}),
      ...(dims.dims ? { dims: dims.dims } : {}),
    });
  };
  return (
    <form className="benchmark-form" onSubmit={submit} aria-labelledby="run-benchmark-title">
      <h3 id="run-benchmark-title">Run a benchmark</h3>
      <SelectField
        id="benchmark-file"
        label="ONNX file"
        value={file}
        options={[{ value: '', label: 'The main ONNX file' }, ...onnxFiles.map((path) => ({ value: path, label: path }))]}
        onValueChange={setFile}
      />
      <SelectField id="benchmark-provider" label="Execution provider" value={provider} options={PROVIDERS} onValueChange={setProvider} />
      <TextField
        id="benchmark-batch"
        label="Batch size"
        value={batchSize}
        onValueChange={setBatchSize}
        type="number"
        min={1}
        max={4096}
        required
      />
      <TextField
        id="benchmark-iterations"
        label="Timed runs"
        value={iterations}
        onValueChange={setIterations}
        type="number"
        min={1}
        max={1000}
        required
      />
      <TextField
        id="benchmark-dims"
        label="Dimensions (optional)"
        hint="Sizes the graph leaves open, e.g. height=640, width=640, or x.2=640 for an unnamed axis; image sides default to the preprocessor config or 224"
        value={dimsText}
        onValueChange={setDimsText}
        placeholder="height=640, width=640"
        error={dims.problem}
      />
      {start.isError && <ErrorNotice title="The benchmark was not queued" error={start.error} />}
      <button type="submit" disabled={start.isPending || (run.data !== undefined && isRunActive(run.data))}>
        {start.isPending ? 'Queueing…' : 'Run benchmark'}
      </button>
      {run.data && (
        <p className="run-status" role="status" aria-live="polite">
          Run <code>{run.data.id.slice(0, 8)}</code> <StatusBadge status={run.data.status} />{' '}
          {run.data.metrics
            ? `p50 ${formatMs(run.data.metrics.p50Ms)} on ${run.data.executionProvider.actual ?? run.data.executionProvider.requested} (${hardwareLabel(run.data.hardware, run.data.executionProvider.actual)})`
            : (run.data.error ?? (isRunActive(run.data) ? 'waiting for a worker…' : ''))}
        </p>
      )}
      {run.isError && <ErrorNotice title="Could not follow the run" error={run.error} />}
    </form>
  );
}
