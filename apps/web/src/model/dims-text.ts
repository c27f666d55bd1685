/**
 * The benchmark form's "Dimensions" field: `height=640, width=640` or `x.2=640` (input.axis for a
 * dimension without a name) → the request's `dims`. Undefined when the text says nothing; a message
 * naming the first part that is not `name=positive integer` otherwise.
 */
export function parseDimsText(text: string): { dims?: Record<string, number>; problem?: string } {
  const parts = text
    .split(/[,\s]+/)
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length === 0) return {};
  const dims: Record<string, number> = {};
  for (const part of parts) {
    const match = /^([A-Za-z_][\w.:/-]*)=(\d{1,6})$/.exec(part);
    const value = match ? Number(match[2]) : 0;
    if (!match || value < 1) return { problem: `"${part}" is not name=size (e.g. height=640 or x.2=640)` };
    dims[match[1]!] = value;
  }
  return { dims };
}
