import type { ModelFile } from '@vetted/db';
import { storedFindings } from '@vetted/lifecycle';
import type { FileView } from './file.schemas.js';

export function toFileView(file: ModelFile): FileView {
  return {
    path: file.path,
    size: Number(file.size),
    sha256: file.sha256,
    format: file.format,
    scan: { status: file.scanStatus, findings: storedFindings.parse(file.scanFindings) },
    createdAt: file.createdAt.toISOString(),
  };
}
