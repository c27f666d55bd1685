export function compressDirectory(dir: string): Promise<{ before: number; after: number }>;
