import { useId } from 'react';
import type { Evidence } from '../api/api-types';
import { ActorName } from '../components/actor-name';
import { asCommercialUse, LicenseBadge } from '../components/badges';
import { formatBytes, shortSha } from '../format/format';
import { FindingItem } from '../model/scan-panel';
import { EvidenceBenchmarks } from './evidence-benchmarks';
import { EvidenceFindings } from './evidence-findings';
import { VersionDiffView } from './version-diff';

function CardEvidence({ card }: { card: NonNullable<Evidence['card']> }) {
  return (
    <>
      {card.license ? (
        <>
          declares <code>{card.license}</code>
        </>
      ) : (
        'declares no license'
      )}
      {card.source && <span className="muted small"> (from {card.source})</span>}
      {card.findings.length > 0 && (
        <ul className="findings">
          {card.findings.map((finding, index) => (
            <FindingItem key={`${finding.code}-${index}`} finding={finding} />
          ))}
        </ul>
      )}
    </>
  );
}

/**
 * What a decision rests on, as the API assembled it: the license and card, the scan, the files, who
 * had a hand in them, every benchmark run and the changes since the previous approved version. Stored
 * reviews show what was recorded then; fields added since may be missing there.
 */
export function ReviewEvidence({ evidence }: { evidence: Evidence }) {
  const id = useId();
  return (
    <div className="review-evidence">
      <dl className="evidence">
        <div>
          <dt>License</dt>
          <dd>
            <LicenseBadge license={evidence.license.id} commercialUse={asCommercialUse(evidence.license.commercialUse)} />
            {evidence.license.summary && <p className="small">{evidence.license.summary}</p>}
          </dd>
        </div>
        {evidence.card !== undefined && (
          <div>
            <dt>Model card</dt>
            <dd>
              <CardEvidence card={evidence.card} />
            </dd>
          </div>
        )}
        <div>
          <dt>Scan</dt>
          <dd>
            {Object.entries(evidence.scan)
              .filter(([, count]) => count > 0)
              .map(([status, count]) => `${count} ${status}`)
              .join(', ') || 'no files'}
          </dd>
        </div>
        <div>
          <dt>Files</dt>
          <dd>
            {evidence.manifest.files} {evidence.manifest.files === 1 ? 'file' : 'files'}, {formatBytes(evidence.manifest.bytes)}
            {evidence.manifest.commitSha && (
              <>
                {' '}
                at <code title={evidence.manifest.commitSha}>{shortSha(evidence.manifest.commitSha)}</code>
              </>
            )}
          </dd>
        </div>
        {evidence.contributors !== undefined && (
          <div>
            <dt>Contributors</dt>
            <dd>
              {evidence.contributors.length === 0 ? (
                <span className="muted">none recorded</span>
              ) : (
                <ul className="contributors">
                  {evidence.contributors.map((contributor) => (
                    <li key={contributor.actor}>
                      <ActorName actor={contributor.actor} name={contributor.name} role={contributor.role} />{' '}
                      <span className="muted small">{contributor.actions.join(', ')}</span>
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
        )}
      </dl>
      <EvidenceFindings evidence={evidence} headingId={`${id}-findings`} />
      <EvidenceBenchmarks evidence={evidence} headingId={`${id}-benchmarks`} />
      <VersionDiffView diff={evidence.diff} headingId={`${id}-diff`} />
    </div>
  );
}
