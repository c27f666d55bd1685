import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { dataOf } from '../api/api-error';
import type { IntendedUse } from '../api/api-types';
import { useApi } from '../auth/auth-context';
import { ErrorNotice } from '../components/status-views';
import { SelectField } from '../components/select-field';
import { TextField } from '../components/text-field';
import { CheckResult } from './check-result';

const DISTRIBUTIONS: { value: IntendedUse['distribution']; label: string }[] = [
  { value: 'none', label: 'Only us, not shared' },
  { value: 'internal', label: 'Our organisation' },
  { value: 'hosted-service', label: 'Others, as a hosted service' },
  { value: 'external', label: 'Others: weights or a product with them' },
];

/** Optional number fields: empty means "not stated". */
const optionalNumber = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text));

/** The form as typed; numbers stay text until the check, so a half-typed value is not rewritten. */
interface UseForm {
  commercial: boolean;
  distribution: IntendedUse['distribution'];
  users: string;
  revenue: string;
  modifications: boolean;
  trainOnOutputs: boolean;
  region: string;
}

const INITIAL: UseForm = {
  commercial: true,
  distribution: 'hosted-service',
  users: '',
  revenue: '',
  modifications: false,
  trainOnOutputs: false,
  region: '',
};

function intendedUse(form: UseForm): IntendedUse {
  const monthlyActiveUsers = optionalNumber(form.users);
  const annualRevenueUsd = optionalNumber(form.revenue);
  return {
    commercial: form.commercial,
    distribution: form.distribution,
    modifications: form.modifications,
    trainOtherModelsOnOutputs: form.trainOnOutputs,
    ...(monthlyActiveUsers !== undefined ? { monthlyActiveUsers } : {}),
    ...(annualRevenueUsd !== undefined ? { annualRevenueUsd } : {}),
    ...(form.region.trim() ? { region: form.region.trim().toUpperCase() } : {}),
  };
}

export function LicenseCheckForm({ namespace, name }: { namespace: string; name: string }) {
  const api = useApi();
  const [form, setForm] = useState(INITIAL);
  const check = useMutation({
    mutationFn: (use: IntendedUse) =>
      dataOf(
        api.POST('/v1/models/{namespace}/{name}/license-check', {
          // The OpenAPI document leaves this route's path parameters out; they are sent all the same.
          params: { path: { namespace, name } },
          body: use,
        }),
      ),
  });
  // A verdict answers the use it was asked about: any change to the form takes it (or a check still running) away.
  const edit = (patch: Partial<UseForm>) => {
    setForm((current) => ({ ...current, ...patch }));
    check.reset();
  };
  const { commercial, distribution, users, revenue, modifications, trainOnOutputs, region } = form;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    check.mutate(intendedUse(form));
  };

  return (
    <div className="license-check">
      <h3 id="check-title">Check my use</h3>
      <form onSubmit={submit} aria-labelledby="check-title" className="check-form">
        <fieldset>
          <legend>Is it commercial?</legend>
          <label className="inline">
            <input type="radio" name="commercial" checked={commercial} onChange={() => edit({ commercial: true })} /> Commercial
          </label>
          <label className="inline">
            <input type="radio" name="commercial" checked={!commercial} onChange={() => edit({ commercial: false })} /> Non-commercial
            (research, personal)
          </label>
        </fieldset>
        <SelectField
          id="check-distribution"
          label="Who gets the model or its outputs?"
          value={distribution}
          options={DISTRIBUTIONS}
          onValueChange={(value) => edit({ distribution: value })}
        />
        <TextField
          id="check-users"
          label="Monthly active users (optional)"
          value={users}
          onValueChange={(value) => edit({ users: value })}
          type="number"
          min={0}
          step={1}
          inputMode="numeric"
        />
        <TextField
          id="check-revenue"
          label="Annual revenue in US$ (optional)"
          value={revenue}
          onValueChange={(value) => edit({ revenue: value })}
          type="number"
          min={0}
          inputMode="numeric"
        />
        <TextField
          id="check-region"
          label="Country code (optional)"
          value={region}
          onValueChange={(value) => edit({ region: value })}
          maxLength={2}
          pattern="[A-Za-z]{2}"
          placeholder="e.g. DE"
        />
        <div className="check-options">
          <label className="inline">
            <input type="checkbox" checked={modifications} onChange={(event) => edit({ modifications: event.target.checked })} /> We modify
            or fine-tune it
          </label>
          <label className="inline">
            <input type="checkbox" checked={trainOnOutputs} onChange={(event) => edit({ trainOnOutputs: event.target.checked })} /> We train
            other models on its outputs
          </label>
        </div>
        <button type="submit" disabled={check.isPending}>
          {check.isPending ? 'Checking…' : 'Check'}
        </button>
      </form>
      {check.isError && <ErrorNotice title="The check failed" error={check.error} />}
      <div role="status" aria-live="polite">
        {check.data && <CheckResult result={check.data} />}
      </div>
    </div>
  );
}
