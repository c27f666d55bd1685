import type { ScanStatusName } from './scan.schemas.js';

const WORST_FIRST: ScanStatusName[] = ['critical', 'error', 'pending', 'warning', 'clean'];

/** A version is as bad as its worst file; an unscanned file keeps it pending, never clean. */
export function versionScanStatus(statuses: ScanStatusName[]): ScanStatusName {
  return WORST_FIRST.find((status) => statuses.includes(status)) ?? 'pending';
}
