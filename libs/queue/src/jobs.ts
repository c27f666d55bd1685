/** Every job type and its payload. The worker refuses to start unless each one has a handler. */
export interface JobPayloads {
  /** A model was registered; the worker acknowledges it in the audit trail. */
  'model.created': { modelId: string; actor: string };
  /** Import a repository from the Hub (see import_jobs). */
  'import.run': { importId: string };
  /** Inspect every file of a submitted or imported version; approval waits for it. */
  'version.scan': { versionId: string };
  /** Run one smoke-test benchmark (see benchmark_runs). */
  'benchmark.run': { runId: string };
  /** Write a bundle of approved versions into the blob store (see bundle_exports). */
  'bundle.export': { exportId: string };
}

export type JobName = keyof JobPayloads;

export const JOB_NAMES: readonly JobName[] = ['model.created', 'import.run', 'version.scan', 'benchmark.run', 'bundle.export'];

/**
 * Per job type queue settings. pg-boss hands an active job to another worker once it expires (that is
 * how a job whose worker died gets resumed), so the expiry must outlast the longest honest run.
 */
export const JOB_QUEUE_OPTIONS: Record<JobName, { expireInSeconds: number; retryLimit: number }> = {
  'model.created': { expireInSeconds: 15 * 60, retryLimit: 3 },
  // Importing tens of gigabytes takes a while; a dead worker's import resumes after this.
  'import.run': { expireInSeconds: 4 * 3600, retryLimit: 3 },
  // Inspectors read headers only; a version of many files still finishes in minutes.
  'version.scan': { expireInSeconds: 30 * 60, retryLimit: 3 },
  // A run is bounded by its own timeout (at most 30 min); model errors are recorded, not retried.
  'benchmark.run': { expireInSeconds: 45 * 60, retryLimit: 2 },
  // Hundreds of gigabytes stream for hours; a dead worker's export is queued again sooner, by its stale heartbeat.
  'bundle.export': { expireInSeconds: 8 * 3600, retryLimit: 3 },
};
