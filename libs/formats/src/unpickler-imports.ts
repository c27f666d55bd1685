import type { Finding } from './finding.js';
import type { PickleScan } from './pickle.js';

const IMPORT_CODES = new Set(['pickle_dangerous_global', 'pickle_unknown_global', 'pickle_unresolved_global', 'pickle_extension_code']);
/** What `find_class` can import: `import os` read as INST imports `mport os`, which fails before anything runs. */
const DOTTED_IDENTIFIER = /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/;

/**
 * The import findings of a walk over bytes that need not be a pickle at all (text, tensor data), as far as an
 * unpickler fed those bytes would act on them: a dangerous import always (find_class runs on reading it), any
 * other only when a call consumed it before the walk stopped — an unpickler runs what it has read before it
 * fails. Damage is left out: on bytes that are no pickle, it says nothing.
 */
export function importsAnUnpicklerActsOn(scan: PickleScan): Finding[] {
  const calledBeforeDamage = (finding: Finding) =>
    scan.lastCallOffset !== undefined && Number(finding.evidence?.offset) <= scan.lastCallOffset;
  const importable = ({ evidence }: Finding) => {
    const { module, name } = evidence ?? {};
    if (module === undefined) return true;
    return typeof module === 'string' && typeof name === 'string' && DOTTED_IDENTIFIER.test(module) && DOTTED_IDENTIFIER.test(name);
  };
  return scan.findings.filter(
    (finding) =>
      IMPORT_CODES.has(finding.code) && importable(finding) && (finding.code === 'pickle_dangerous_global' || calledBeforeDamage(finding)),
  );
}
