import { DomainError } from '@vetted/domain';
import type { Transaction } from '../infra/prisma.service.js';
import type { LicenseRepository } from './license.repository.js';

/** A model or version may only name a license the catalog knows (`other`/`unknown` included). */
export async function assertKnownLicense(licenses: LicenseRepository, tx: Transaction, id: string | null | undefined): Promise<void> {
  if (id == null) return;
  if (!(await licenses.find(id, tx))) {
    throw DomainError.invalid(
      [{ field: 'license', message: `"${id}" is not in the license catalog (see /v1/licenses)` }],
      'unknown_license',
    );
  }
}
