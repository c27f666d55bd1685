import { useQuery } from '@tanstack/react-query';
import { dataOf } from '../api/api-error';
import { useApi } from '../auth/auth-context';
import { LicenseBadge } from '../components/badges';
import { Empty, QueryView } from '../components/status-views';
import { formatDate } from '../format/format';
import { LicenseCheckForm } from './license-check-form';
import { obligationsOf, termLines } from './license-terms';

export function LicensePanel({ namespace, name, licenseId }: { namespace: string; name: string; licenseId: string | null }) {
  const api = useApi();
  const license = useQuery({
    queryKey: ['license', licenseId],
    queryFn: () => dataOf(api.GET('/v1/licenses/{id}', { params: { path: { id: licenseId ?? '' } } })),
    enabled: licenseId !== null,
  });
  if (!licenseId) {
    return (
      <section className="panel" aria-labelledby="license-title">
        <h2 id="license-title">License</h2>
        <Empty title="No license declared">
          <p>Without a license nobody may assume any right to use this model; reviewers cannot approve it.</p>
        </Empty>
      </section>
    );
  }
  return (
    <section className="panel" aria-labelledby="license-title">
      <h2 id="license-title">License</h2>
      <QueryView query={license} label="Loading the license…">
        {(data) => {
          const obligations = obligationsOf(data.terms);
          return (
            <div className="license">
              <p className="license-heading">
                <strong>{data.name}</strong> <LicenseBadge license={data.id} commercialUse={data.terms.commercialUse} />
                {data.terms.gated && <span className="badge badge-warn">gated on the Hub</span>}
              </p>
              <p>{data.terms.summary}</p>
              <dl className="terms">
                {data.spdxId && (
                  <div>
                    <dt>SPDX</dt>
                    <dd>
                      <code>{data.spdxId}</code>
                    </dd>
                  </div>
                )}
                {termLines(data.terms).map((line) => (
                  <div key={line.term}>
                    <dt>{line.term}</dt>
                    <dd>{line.text}</dd>
                  </div>
                ))}
              </dl>
              {obligations.length > 0 && (
                <>
                  <h3>Always required</h3>
                  <ul>
                    {obligations.map((obligation) => (
                      <li key={obligation}>{obligation}</li>
                    ))}
                  </ul>
                </>
              )}
              <p className="muted small">
                {data.url && (
                  <>
                    Full text: <a href={data.url}>{data.url}</a>.{' '}
                  </>
                )}
                {data.reviewedAt ? `Terms reviewed ${formatDate(data.reviewedAt)}.` : 'Terms as shipped with Vetted.'}
              </p>
            </div>
          );
        }}
      </QueryView>
      <LicenseCheckForm namespace={namespace} name={name} />
    </section>
  );
}
