import type { Evidence } from '../api/api-types';
import { FindingItem } from '../model/scan-panel';
import { findingsBySeverity } from './evidence-format';

const SEVERITIES = ['critical', 'warning', 'info'] as const;

/** Every scan and card finding, worst first; the informational ones folded away. */
export function EvidenceFindings({ evidence, headingId }: { evidence: Evidence; headingId: string }) {
  const findings = findingsBySeverity(evidence);
  const total = SEVERITIES.reduce((sum, severity) => sum + findings[severity].length, 0);
  return (
    <section className="evidence-section" aria-labelledby={headingId}>
      <h3 id={headingId}>Findings</h3>
      {total === 0 ? (
        <p className="muted small">No findings in the files or the model card.</p>
      ) : (
        SEVERITIES.filter((severity) => findings[severity].length > 0).map((severity) => (
          <details key={severity} className={`finding-group finding-group-${severity}`} open={severity !== 'info'}>
            <summary>
              {findings[severity].length} {severity}
            </summary>
            <ul className="findings">
              {findings[severity].map((finding, index) => (
                <FindingItem key={`${finding.path}-${finding.code}-${index}`} finding={finding} path={finding.path} />
              ))}
            </ul>
          </details>
        ))
      )}
    </section>
  );
}
