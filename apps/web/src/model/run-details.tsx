import { FindingItem } from './scan-panel';
import { findingLine } from './scan-findings';
import { hasDefaultedDimension, readResolvedInputs, shapeText } from './resolved-inputs';

/** What a benchmark run was fed (names, dtypes, shapes, fills) and what it noticed. */
export function RunDetails({ inputs, findings }: { inputs: unknown; findings: readonly unknown[] }) {
  const resolved = readResolvedInputs(inputs);
  if (resolved.length === 0 && findings.length === 0) return null;
  return (
    <div className="run-details">
      {resolved.length > 0 && (
        <p className="small">
          <span className="muted">Inputs: </span>
          {resolved.map((input, index) => (
            <span key={input.name} className="run-input">
              {index > 0 && '; '}
              <code>{input.name}</code> {input.dtype} <code>{shapeText(input)}</code> <span className="muted">{input.fill}</span>
            </span>
          ))}
          {hasDefaultedDimension(resolved) && <span className="muted"> (* a default: nobody gave that dimension)</span>}
        </p>
      )}
      {findings.length > 0 && (
        <ul className="findings">
          {findings.map(findingLine).map((finding, index) => (
            <FindingItem key={`${finding.code}-${index}`} finding={finding} />
          ))}
        </ul>
      )}
    </div>
  );
}
