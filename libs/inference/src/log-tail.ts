/** The last lines of a log, bounded in count and length, fed whole lines or stream chunks. */
export class LogTail {
  private readonly kept: string[] = [];
  private partial = '';

  constructor(
    private readonly maxLines = 50,
    private readonly maxLineLength = 1000,
  ) {}

  /** A whole line. */
  line(text: string): void {
    this.kept.push(text.length > this.maxLineLength ? `${text.slice(0, this.maxLineLength)}…` : text);
    if (this.kept.length > this.maxLines) this.kept.shift();
  }

  /** A chunk of a stream: lines may end in a later chunk. */
  write(chunk: string): void {
    const parts = (this.partial + chunk).split('\n');
    this.partial = (parts.pop() ?? '').slice(0, this.maxLineLength + 1);
    // Only the last lines of a large chunk can survive.
    for (const part of parts.slice(-this.maxLines)) this.line(part.replace(/\r$/, ''));
  }

  lines(): string[] {
    const lines = this.partial ? [...this.kept, this.partial] : [...this.kept];
    return lines.slice(-this.maxLines);
  }
}
