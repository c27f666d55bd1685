import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useLocation } from 'wouter';
import { dataOf } from '../api/api-error';
import type { ImportRequest } from '../api/api-types';
import { useApi } from '../auth/auth-context';
import { ErrorNotice } from '../components/status-views';

/** "*.json, *.safetensors" → ["*.json", "*.safetensors"] */
const globList = (text: string): string[] =>
  text
    .split(/[\s,]+/)
    .map((glob) => glob.trim())
    .filter(Boolean);

export function ImportForm() {
  const api = useApi();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const [repo, setRepo] = useState('');
  const [revision, setRevision] = useState('main');
  const [version, setVersion] = useState('');
  const [include, setInclude] = useState('');
  const [exclude, setExclude] = useState('');

  const start = useMutation({
    mutationFn: (request: ImportRequest) => dataOf(api.POST('/v1/imports', { body: request })),
    onSuccess: async (job) => {
      await queryClient.invalidateQueries({ queryKey: ['imports'] });
      navigate(`/imports/${job.id}`);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    start.mutate({
      repo: repo.trim(),
      revision: revision.trim() || 'main',
      include: globList(include),
      exclude: globList(exclude),
      ...(version.trim() ? { version: version.trim() } : {}),
    });
  };

  return (
    <form className="import-form" onSubmit={submit} aria-labelledby="import-form-title">
      <h2 id="import-form-title">Import from the Hub</h2>
      <div className="field">
        <label htmlFor="import-repo">Repository</label>
        <input
          id="import-repo"
          value={repo}
          onChange={(event) => setRepo(event.target.value)}
          placeholder="google-bert/bert-base-uncased"
          pattern="[^/\s]+/[^/\s]+"
          title="namespace/name, as on the Hub"
          required
          spellCheck={false}
        />
      </div>
      <div className="field">
        <label htmlFor="import-revision">Revision</label>
        <input id="import-revision" value={revision} onChange={(event) => setRevision(event.target.value)} spellCheck={false} />
      </div>
      <div className="field">
        <label htmlFor="import-version">Version label (optional)</label>
        <input
          id="import-version"
          value={version}
          onChange={(event) => setVersion(event.target.value)}
          placeholder="the commit sha"
          spellCheck={false}
        />
      </div>
      <div className="field">
        <label htmlFor="import-include">Only files matching (optional)</label>
        <input
          id="import-include"
          value={include}
          onChange={(event) => setInclude(event.target.value)}
          placeholder="*.json *.safetensors"
          spellCheck={false}
        />
      </div>
      <div className="field">
        <label htmlFor="import-exclude">Skip files matching (optional)</label>
        <input
          id="import-exclude"
          value={exclude}
          onChange={(event) => setExclude(event.target.value)}
          placeholder="*.bin"
          spellCheck={false}
        />
      </div>
      {start.isError && <ErrorNotice title="The import was not started" error={start.error} />}
      <button type="submit" disabled={start.isPending}>
        {start.isPending ? 'Starting…' : 'Start import'}
      </button>
    </form>
  );
}
