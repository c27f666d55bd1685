/** Every job type and its payload. The worker refuses to start unless each one has a handler. */
export interface JobPayloads {
  /** A model was registered; the worker acknowledges it in the audit trail. */
  'model.created': { modelId: string; actor: string };
  /** Import a repository from the Hub (see import_jobs). */
  'import.run': { importId: string };
}

export type JobName = keyof JobPayloads;

export const JOB_NAMES: readonly JobName[] = ['model.created', 'import.run'];
