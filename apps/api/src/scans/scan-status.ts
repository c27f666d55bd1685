import { SCAN_STATUSES, type ScanStatusName } from './scan.schemas.js';

const WORST_FIRST: ScanStatusName[] = ['critical', 'error', 'pending', 'warning', 'clean'];

/** A version is as bad as its worst file; an unscanned file keeps it pending, never clean. */
export function versionScanStatus(statuses: ScanStatusName[]): ScanStatusName {
  return WORST_FIRST.find((status) => statuses.includes(status)) ?? 'pending';
}

/** How many files are in each scan status, every status present. */
export function countScanStatuses(statuses: readonly ScanStatusName[]): Record<ScanStatusName, number> {
  const counts = Object.fromEntries(SCAN_STATUSES.map((status) => [status, 0])) as Record<ScanStatusName, number>;
  for (const status of statuses) counts[status]++;
  return counts;
}
