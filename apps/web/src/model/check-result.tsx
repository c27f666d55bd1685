import type { LicenseCheck } from '../api/api-types';

const VERDICTS: Record<LicenseCheck['verdict'], { label: string; tone: string }> = {
  allowed: { label: 'Allowed', tone: 'good' },
  allowed_with_obligations: { label: 'Allowed, with obligations', tone: 'warn' },
  needs_review: { label: 'Needs a legal review', tone: 'warn' },
  not_allowed: { label: 'Not allowed', tone: 'bad' },
};

function Reasons({ reasons }: { reasons: LicenseCheck['reasons'] }) {
  return (
    <ul>
      {reasons.map((reason) => (
        <li key={`${reason.term}-${reason.explanation}`}>
          <strong>{reason.term}:</strong> {reason.explanation}
          {reason.source && (
            <>
              {' '}
              (<a href={reason.source}>source</a>)
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * The checker's answer. A use that is not allowed shows the clauses that block it, first and alone: the
 * obligations of a use that may not go ahead would read as if it could.
 */
export function CheckResult({ result }: { result: LicenseCheck }) {
  const verdict = VERDICTS[result.verdict];
  const blocked = result.verdict === 'not_allowed';
  return (
    <div className={`check-result check-${verdict.tone}`}>
      <p className="check-verdict">
        Verdict: <strong>{verdict.label}</strong> <span className="muted">({result.license})</span>
      </p>
      {result.reasons.length > 0 && (
        <>
          <p>{blocked ? 'What stands in the way:' : 'To review:'}</p>
          <Reasons reasons={result.reasons} />
        </>
      )}
      {!blocked && result.obligations.length > 0 && (
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
