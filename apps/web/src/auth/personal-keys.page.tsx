import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { dataOf } from '../api/api-error';
import type { Role } from '../api/api-types';
import { ConfirmButton } from '../components/confirm-button';
import { CopyButton } from '../components/copy-button';
import { SelectField } from '../components/select-field';
import { Empty, ErrorNotice, QueryView } from '../components/status-views';
import { TextField } from '../components/text-field';
import { formatDate } from '../format/format';
import { usePageTitle } from '../layout/use-page-title';
import { useApi, useAuth } from './auth-context';
import type { CreatedPersonalKey, PersonalKey, PersonalKeyRequest } from './auth-types';
import { hasRole } from './roles';

const ROLES: readonly Role[] = ['viewer', 'publisher', 'reviewer', 'admin'];
const KEYS_QUERY = ['personal-keys'];

/** A signed-in person's own API keys, e.g. HF_TOKEN for the Hub clients: at most their role, always expiring. */
export function PersonalKeysPage() {
  usePageTitle('Your API keys');
  const { session } = useAuth();
  if (!session) {
    return (
      <Empty title="Personal API keys belong to people signed in with their organisation's account" page>
        <p>You are signed in with an API key. Admins create and revoke keys for everyone with the API (POST /v1/keys).</p>
      </Empty>
    );
  }
  return (
    <div className="stack">
      <h1>Your API keys</h1>
      <p>
        Keys for what cannot sign in with a browser: <code>HF_TOKEN</code> for the Hugging Face clients, scripts, <code>curl</code>. A key
        has at most your role and expires; it stops working if your role at your next sign-in no longer covers it.
      </p>
      <CreateKeyForm />
      <KeyList />
    </div>
  );
}

function CreateKeyForm() {
  const api = useApi();
  const { principal } = useAuth();
  const queryClient = useQueryClient();
  const roles = ROLES.filter((role) => hasRole(principal?.role, role));
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>(roles.at(-1) ?? 'viewer');
  const [days, setDays] = useState('30');

  const create = useMutation({
    mutationFn: (request: PersonalKeyRequest) => dataOf(api.POST('/v1/me/keys', { body: request })),
    onSuccess: async () => {
      setName('');
      await queryClient.invalidateQueries({ queryKey: KEYS_QUERY });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name: name.trim(), role, expiresInDays: Number(days) });
  };

  return (
    <form className="panel stack" onSubmit={submit} aria-labelledby="new-key-title">
      <h2 id="new-key-title">New key</h2>
      {create.data && <NewKeySecret created={create.data} onDismiss={() => create.reset()} />}
      <TextField id="key-name" label="Name" value={name} onValueChange={setName} required maxLength={100} hint="What the key is for" />
      <SelectField
        id="key-role"
        label="Role"
        value={role}
        options={roles.map((value) => ({ value, label: value }))}
        onValueChange={setRole}
      />
      <TextField id="key-days" label="Expires in (days)" type="number" min={1} value={days} onValueChange={setDays} required />
      {create.isError && <ErrorNotice title="The key was not created" error={create.error} />}
      <button type="submit" disabled={create.isPending || name.trim() === ''}>
        {create.isPending ? 'Creating…' : 'Create key'}
      </button>
    </form>
  );
}

function NewKeySecret({ created, onDismiss }: { created: CreatedPersonalKey; onDismiss: () => void }) {
  return (
    <div className="notice notice-warn" role="status">
      <p>
        <strong>Key “{created.name}” created.</strong> Copy it now: you will not see it again.
      </p>
      <p>
        <code className="secret" aria-label="New API key">
          {created.key}
        </code>{' '}
        <CopyButton text={created.key} label="Copy key" />
      </p>
      <button type="button" className="button-secondary button-small" onClick={onDismiss}>
        I have copied it
      </button>
    </div>
  );
}

function KeyList() {
  const api = useApi();
  const keys = useQuery({ queryKey: KEYS_QUERY, queryFn: () => dataOf(api.GET('/v1/me/keys')) });
  return (
    <section className="panel" aria-labelledby="key-list-title">
      <h2 id="key-list-title">Keys</h2>
      <QueryView query={keys} label="Loading your keys…">
        {({ items }) =>
          items.length === 0 ? (
            <Empty title="You have no API keys yet" />
          ) : (
            <div className="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Role</th>
                    <th scope="col">Starts with</th>
                    <th scope="col">Created</th>
                    <th scope="col">Expires</th>
                    <th scope="col">Last used</th>
                    <th scope="col">
                      <span className="visually-hidden">Revoke</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((key) => (
                    <KeyRow key={key.id} apiKey={key} />
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryView>
    </section>
  );
}

function KeyRow({ apiKey }: { apiKey: PersonalKey }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: () => dataOf(api.DELETE('/v1/me/keys/{id}', { params: { path: { id: apiKey.id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: KEYS_QUERY }),
  });
  const expired = apiKey.expiresAt !== null && Date.parse(apiKey.expiresAt) <= Date.now();
  return (
    <tr>
      <td>{apiKey.name}</td>
      <td>{apiKey.role}</td>
      <td>
        <code>{apiKey.prefix}…</code>
      </td>
      <td>{formatDate(apiKey.createdAt)}</td>
      <td>{apiKey.expiresAt ? formatDate(apiKey.expiresAt) : 'never'}</td>
      <td>{apiKey.lastUsedAt ? formatDate(apiKey.lastUsedAt) : 'never'}</td>
      <td>
        {apiKey.revokedAt ? (
          <span className="badge badge-muted">revoked</span>
        ) : expired ? (
          <span className="badge badge-muted">expired</span>
        ) : (
          <ConfirmButton
            label="Revoke"
            question={`Revoke “${apiKey.name}”? Whatever uses it stops working.`}
            confirmLabel="Revoke"
            onConfirm={() => revoke.mutate()}
            disabled={revoke.isPending}
            danger
          />
        )}
        {revoke.isError && <ErrorNotice title="The key was not revoked" error={revoke.error} />}
      </td>
    </tr>
  );
}
