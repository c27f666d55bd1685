import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { dataOf } from '../api/api-error';
import type { IntendedUse, LicenseCheck } from '../api/api-types';
import { useApi } from '../auth/auth-context';
import { ErrorNotice } from '../components/status-views';
import { SelectField } from '../components/select-field';
import { TextField } from '../components/text-field';

const DISTRIBUTIONS: { value: IntendedUse['distribution']; label: string }[] = [
  { value: 'none', label: 'Only us, not shared' },
  { value: 'internal', label: 'Our organisation' },
  { value: 'hosted-service', label: 'Others, as a hosted service' },
  { value: 'external', label: 'Others: weights or a product with them' },
];

const VERDICTS: Record<LicenseCheck['verdict'], { label: string; tone: string }> = {
  allowed: { label: 'Allowed', tone: 'good' },
  allowed_with_obligations: { label: 'Allowed, with obligations', tone: 'warn' },
  needs_review: { label: 'Needs a legal review', tone: 'warn' },
  not_allowed: { label: 'Not allowed', tone: 'bad' },
};

/** Optional number fields: empty means "not stated". */
const optionalNumber = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text));

export function LicenseCheckForm({ namespace, name }: { namespace: string; name: string }) {
  const api = useApi();
  const [commercial, setCommercial] = useState(true);
  const [distribution, setDistribution] = useState<IntendedUse['distribution']>('hosted-service');
  const [users, setUsers] = useState('');
  const [revenue, setRevenue] = useState('');
  const [modifications, setModifications] = useState(false);
  const [trainOnOutputs, setTrainOnOutputs] = useState(false);
  const [region, setRegion] = useState('');

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

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const monthlyActiveUsers = optionalNumber(users);
    const annualRevenueUsd = optionalNumber(revenue);
    check.mutate({
      commercial,
      distribution,
      modifications,
      trainOtherModelsOnOutputs: trainOnOutputs,
      ...(monthlyActiveUsers !== undefined ? { monthlyActiveUsers } : {}),
      ...(annualRevenueUsd !== undefined ? { annualRevenueUsd } : {}),
      ...(region.trim() ? { region: region.trim().toUpperCase() } : {}),
    });
  };

  return (
    <div className="license-check">
      <h3 id="check-title">Check my use</h3>
      <form onSubmit={submit} aria-labelledby="check-title" className="check-form">
        <fieldset>
          <legend>Is it commercial?</legend>
          <label className="inline">
            <input type="radio" name="commercial" checked={commercial} onChange={() => setCommercial(true)} /> Commercial
          </label>
          <label className="inline">
            <input type="radio" name="commercial" checked={!commercial} onChange={() => setCommercial(false)} /> Non-commercial (research,
            personal)
          </label>
        </fieldset>
        <SelectField
          id="check-distribution"
          label="Who gets the model or its outputs?"
          value={distribution}
          options={DISTRIBUTIONS}
          onValueChange={setDistribution}
        />
        <TextField
          id="check-users"
          label="Monthly active users (optional)"
          value={users}
          onValueChange={setUsers}
          type="number"
          min={0}
          step={1}
          inputMode="numeric"
        />
        <TextField
          id="check-revenue"
          label="Annual revenue in US$ (optional)"
          value={revenue}
          onValueChange={setRevenue}
          type="number"
          min={0}
          inputMode="numeric"
        />
        <TextField
          id="check-region"
          label="Country code (optional)"
          value={region}
          onValueChange={setRegion}
          maxLength={2}
          pattern="[A-Za-z]{2}"
          placeholder="e.g. DE"
        />
        <div className="check-options">
          <label className="inline">
            <input type="checkbox" checked={modifications} onChange={(event) => setModifications(event.target.checked)} /> We modify or
            fine-tune it
          </label>
          <label className="inline">
            <input type="checkbox" checked={trainOnOutputs} onChange={(event) => setTrainOnOutputs(event.target.checked)} /> We train other
            models on its outputs
          </label>
        </div>
        <button type="submit" disabled={check.isPending}>
          {check.isPending ? 'Checking…' : 'Check'}
        </button>
      </form>
      {check.isError && <ErrorNotice title="The check failed" error={check.error} />}
      {check.data && <CheckResult result={check.data} />}
    </div>
  );
}

function CheckResult({ result }: { result: LicenseCheck }) {
  const verdict = VERDICTS[result.verdict];
  return (
    <div className={`check-result check-${verdict.tone}`} role="status" aria-live="polite">
      <p className="check-verdict">
        Verdict: <strong>{verdict.label}</strong> <span className="muted">({result.license})</span>
      </p>
      {result.reasons.length > 0 && (
        <ul>
          {result.reasons.map((reason) => (
            <li key={`${reason.term}-${reason.explanation}`}>
              <strong>{reason.term}:</strong> {reason.explanation}
              {reason.source && (
                <>
                  {' '}
                  <a href={reason.source}>source</a>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {result.obligations.length > 0 && (
        <>
          <p>Obligations:</p>
          <ul>
            {result.obligations.map((obligation) => (
              <li key={obligation}>{obligation}</li>
            ))}
          </ul>
        </>
      )}
      <p className="muted small">{result.disclaimer}</p>
    </div>
  );
}
