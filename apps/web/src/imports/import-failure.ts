import type { ImportJob } from '../api/api-types';

type FailureKind = NonNullable<ImportJob['errorKind']>;

/** What went wrong, in words, and what to do about it. */
export const FAILURE_WORDS: Record<FailureKind, { title: string; advice: string }> = {
  network: { title: 'The Hub could not be reached', advice: 'A network problem or an outage of the Hub; retry once it answers again.' },
  not_found: { title: 'Not found on the Hub', advice: 'Check the repository id and the revision.' },
  gated: {
    title: 'Gated repository',
    advice: 'Accept its license on the Hub, then set HF_TOKEN for the Vetted worker to a token of that account.',
  },
  unauthorized: { title: 'Refused by the Hub', advice: 'Set HF_TOKEN for the Vetted worker to a token with access to the repository.' },
  checksum: {
    title: 'Checksum mismatch',
    advice: 'A file did not match the sha256 the Hub lists for it; nothing was kept. Retry, or ask the repository owner.',
  },
  too_large: { title: 'File too large', advice: 'A file is larger than VETTED_MAX_FILE_BYTES allows; exclude it, or raise the limit.' },
  unsafe_path: { title: 'Unsafe file name', advice: 'The repository lists a path Vetted refuses to store; exclude it to import the rest.' },
  empty: { title: 'Nothing to import', advice: 'No file of the revision matched; check the include and exclude patterns.' },
  conflict: {
    title: 'In conflict with the catalog',
    advice: 'The version label is taken, or the model is archived; choose another label.',
  },
  cancelled: { title: 'Cancelled', advice: 'Nothing was kept.' },
  unexpected: { title: 'Unexpected error', advice: 'The worker log has the details.' },
};

/** The request that started the job, to send again. */
export const sameRequest = (job: ImportJob) => ({
  repo: job.repo,
  revision: job.revision,
  namespace: job.namespace,
  name: job.name,
  include: job.include,
  exclude: job.exclude,
  ...(job.version ? { version: job.version } : {}),
});
