import type { ModelFile } from '@vetted/db';
import type { FileView } from './file.schemas.js';

export function toFileView(file: ModelFile): FileView {
  return {
    path: file.path,
    size: Number(file.size),
    sha256: file.sha256,
    format: file.format,
    scan: { status: file.scanStatus, findings: file.scanFindings as unknown[] },
    createdAt: file.createdAt.toISOString(),
  };
}
