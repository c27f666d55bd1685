import type { VersionScan } from '@vetted/formats';
import { UNSAFE_SCAN_STATUSES } from '@vetted/lifecycle';

/** The main ONNX files to benchmark automatically: never one whose scan found it critical or could not finish (the API refuses both). */
export function autoBenchmarkFiles(result: VersionScan): string[] {
  const statuses = new Map(result.files.map((file) => [file.path, file.status]));
  return result.benchmarkCandidates.filter((path) => {
    const status = statuses.get(path);
    return !status || !UNSAFE_SCAN_STATUSES.includes(status);
  });
}
