/** Why talking to the Hub failed, in terms an import job can report and decide on. */
export type HubErrorKind = 'repo_not_found' | 'revision_not_found' | 'unauthorized' | 'file_not_found' | 'unavailable';

export class HubError extends Error {
  override readonly name = 'HubError';

  constructor(
    readonly kind: HubErrorKind,
    message: string,
  ) {
    super(message);
  }
}
