import type { License } from '../api/api-types';
import { LicenseBadge } from '../components/badges';
import { formatDate } from '../format/format';
import { obligationsOf, termLines } from './license-terms';

/** A license's recorded terms in words: the verdict, the summary, each structured term, the standing duties. */
export function LicenseDetails({ license }: { license: License }) {
  const obligations = obligationsOf(license.terms);
  return (
    <div className="license">
      <p className="license-heading">
        <strong>{license.name}</strong> <LicenseBadge license={license.id} commercialUse={license.terms.commercialUse} />
        {license.terms.gated && <span className="badge badge-warn">gated on the Hub</span>}
      </p>
      <p>{license.terms.summary}</p>
      <dl className="terms">
        {license.spdxId && (
          <div>
            <dt>SPDX</dt>
            <dd>
              <code>{license.spdxId}</code>
            </dd>
          </div>
        )}
        {termLines(license.terms).map((line) => (
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
        {license.url && (
          <>
            Full text: <a href={license.url}>{license.url}</a>.{' '}
          </>
        )}
        {license.reviewedAt ? `Terms reviewed ${formatDate(license.reviewedAt)}.` : 'Terms as shipped with Vetted.'}
      </p>
    </div>
  );
}
