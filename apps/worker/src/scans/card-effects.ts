import type { CardFields, CardFinding } from '@vetted/hub';

/** The model as its publisher declared it; a card only fills what is empty. */
export interface DeclaredModel {
  task: string | null;
  library: string | null;
  tags: string[];
  licenseId: string | null;
}

export type ModelDefaults = Partial<{ task: string; library: string; tags: string[]; licenseId: string }>;

/** The same rules the API applies to a publisher's values (apps/api/src/models/model.schemas.ts). */
const TASK = /^[a-z0-9][a-z0-9-]{0,63}$/;
const TAG = /^[^\s\p{C}]{1,100}$/u;
const MAX_TAGS = 100;
const MAX_LIBRARY_LENGTH = 100;

/** `license: other` names its license in `license_name`; `other` alone names nothing to compare. */
export function cardLicenseTag(fields: CardFields): string | undefined {
  return fields.license === 'other' ? fields.licenseName : fields.license;
}

/** `unknown` is what an import records when a card has no license: as good as none. */
const declared = (licenseId: string | null): string | undefined => (licenseId && licenseId !== 'unknown' ? licenseId : undefined);

/**
 * What a card means for its model: the defaults it fills where the model has nothing (task, library,
 * tags, and a license the catalog knows), and a `license_mismatch` finding when it names a license other
 * than the one declared for the version (or else the model).
 */
export function cardEffects(
  fields: CardFields,
  model: DeclaredModel,
  versionLicenseId: string | null,
  cardLicenseInCatalog: boolean,
): { defaults: ModelDefaults; findings: CardFinding[] } {
  const defaults: ModelDefaults = {};
  if (model.task === null && fields.pipelineTag && TASK.test(fields.pipelineTag)) defaults.task = fields.pipelineTag;
  if (model.library === null && fields.libraryName && fields.libraryName.length <= MAX_LIBRARY_LENGTH) {
    defaults.library = fields.libraryName;
  }
  const tags = [...new Set(fields.tags.filter((tag) => TAG.test(tag)))].slice(0, MAX_TAGS);
  if (model.tags.length === 0 && tags.length > 0) defaults.tags = tags;
  const cardLicense = cardLicenseTag(fields);
  if (!declared(model.licenseId) && cardLicense && cardLicenseInCatalog) defaults.licenseId = cardLicense;

  const findings: CardFinding[] = [];
  const expected = declared(versionLicenseId) ?? declared(defaults.licenseId ?? model.licenseId);
  if (cardLicense && expected && cardLicense.toLowerCase() !== expected.toLowerCase()) {
    const whose = declared(versionLicenseId) ? 'this version declares' : 'the model declares';
    findings.push({
      severity: 'warning',
      code: 'license_mismatch',
      message: `The model card says the license is "${cardLicense}", but ${whose} "${expected}"`,
      evidence: { card: cardLicense, declared: expected },
    });
  }
  return { defaults, findings };
}
