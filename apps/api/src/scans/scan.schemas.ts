import { z } from 'zod';

export const SCAN_STATUSES = ['pending', 'clean', 'warning', 'critical', 'error'] as const;
export type ScanStatusName = (typeof SCAN_STATUSES)[number];

export const finding = z.object({
  severity: z.enum(['info', 'warning', 'critical']),
  code: z.string().describe('Stable machine-readable code, e.g. pickle_dangerous_global'),
  message: z.string(),
  evidence: z.record(z.string(), z.unknown()).optional().describe('What was seen: the global, offset, path…'),
});

export const fileScanView = z.object({
  path: z.string(),
  format: z.string().nullable(),
  status: z.enum(SCAN_STATUSES),
  findings: z.array(finding),
  facts: z.record(z.string(), z.unknown()).describe('What the inspector read from the header: tensors, dtypes, inputs…'),
});

export const scanView = z.object({
  version: z.string(),
  status: z.enum(SCAN_STATUSES).describe('The worst file status; pending until every file was inspected'),
  scannedAt: z.string().nullable(),
  counts: z.record(z.enum(SCAN_STATUSES), z.number()),
  facts: z
    .record(z.string(), z.unknown())
    .describe("The version's facts: parameters, dtypes, architecture, ONNX inputs/outputs, hardware fit…"),
  files: z.array(fileScanView),
});
export type ScanView = z.output<typeof scanView>;

export const rescanView = z.object({ version: z.string(), queued: z.literal(true) });
