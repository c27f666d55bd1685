import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useLocation } from 'wouter';
import { ApiError, dataOf } from '../api/api-error';
import type { ImportRequest } from '../api/api-types';
import { useApi } from '../auth/auth-context';
import { ErrorNotice } from '../components/status-views';
import { TextField } from '../components/text-field';

/** The API's word on one field of a refused request, shown under that field. */
function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const messages = error.fieldErrors.filter((e) => e.field === field || e.field?.startsWith(`${field}.`)).map((e) => e.message);
  return messages.length > 0 ? messages.join('; ') : undefined;
}

const FIELDS = ['repo', 'revision', 'version', 'include', 'exclude'];

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

  const errorOf = (field: string) => fieldError(start.error, field);
  // Problems with a field show under it; anything else (no connection, a conflict) above the button.
  const general = start.isError && !FIELDS.some((field) => errorOf(field));

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
      <TextField
        id="import-repo"
        label="Repository"
        value={repo}
        onValueChange={setRepo}
        placeholder="google-bert/bert-base-uncased"
        // Browsers compile it with the `v` flag, where "/" in a class must be escaped.
        pattern="[^\/\s]+\/[^\/\s]+"
        title="namespace/name, as on the Hub"
        hint="namespace/name, as on the Hub"
        error={errorOf('repo')}
        required
        spellCheck={false}
      />
      <TextField
        id="import-revision"
        label="Revision"
        value={revision}
        onValueChange={setRevision}
        error={errorOf('revision')}
        spellCheck={false}
      />
      <TextField
        id="import-version"
        label="Version label (optional)"
        value={version}
        onValueChange={setVersion}
        placeholder="the commit sha"
        error={errorOf('version')}
        spellCheck={false}
      />
      <TextField
        id="import-include"
        label="Only files matching (optional)"
        value={include}
        onValueChange={setInclude}
        placeholder="*.json *.safetensors"
        error={errorOf('include')}
        spellCheck={false}
      />
      <TextField
        id="import-exclude"
        label="Skip files matching (optional)"
        value={exclude}
        onValueChange={setExclude}
        placeholder="*.bin"
        error={errorOf('exclude')}
        spellCheck={false}
      />
      {general && <ErrorNotice title="The import was not started" error={start.error} />}
      <button type="submit" disabled={start.isPending}>
        {start.isPending ? 'Starting…' : 'Start import'}
      </button>
    </form>
  );
}
