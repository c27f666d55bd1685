/** One server-sent event, as EventSource would dispatch it. */
export interface SseMessage {
  /** The `event` field, `message` when there was none. */
  type: string;
  /** The `data` lines, joined by line feeds. */
  data: string;
  /** The last `id` the stream sent up to this message: ids carry over to later messages. */
  lastEventId: string;
}

const LINE_END = /\r\n|\r|\n/g;

/**
 * The text/event-stream format of the HTML standard, fed decoded text in chunks cut anywhere (between a CR
 * and its LF too). EventSource cannot send an Authorization header, so the app reads the stream with fetch.
 */
export class SseParser {
  /** The reconnection time the server asked for with `retry`, in milliseconds. */
  retryMs: number | undefined;

  private partialLine = '';
  /** The previous chunk ended with a CR: a LF opening the next one ends no second line. */
  private afterCarriageReturn = false;
  private dataLines: string[] = [];
  private eventType = '';
  private idBuffer: string;

  /** `lastEventId`: where a reconnected stream resumes, kept across connections. */
  constructor(public lastEventId = '') {
    this.idBuffer = lastEventId;
  }

  push(chunk: string): SseMessage[] {
    if (chunk === '') return [];
    const text = this.afterCarriageReturn && chunk.startsWith('\n') ? chunk.slice(1) : chunk;
    const messages: SseMessage[] = [];
    let start = 0;
    for (const match of text.matchAll(LINE_END)) {
      this.line(this.partialLine + text.slice(start, match.index), messages);
      this.partialLine = '';
      start = match.index + match[0].length;
    }
    this.partialLine += text.slice(start);
    this.afterCarriageReturn = text.endsWith('\r');
    return messages;
  }

  private line(line: string, messages: SseMessage[]): void {
    if (line === '') {
      this.dispatch(messages);
      return;
    }
    if (line.startsWith(':')) return; // a comment: the server's keep-alive
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const raw = colon === -1 ? '' : line.slice(colon + 1);
    const value = raw.startsWith(' ') ? raw.slice(1) : raw;
    if (field === 'data') this.dataLines.push(value);
    else if (field === 'event') this.eventType = value;
    else if (field === 'id' && !value.includes('\0')) this.idBuffer = value;
    else if (field === 'retry' && /^\d+$/.test(value)) this.retryMs = Number(value);
  }

  private dispatch(messages: SseMessage[]): void {
    // An id counts even on a message without data: the API names where a stream starts that way.
    this.lastEventId = this.idBuffer;
    if (this.dataLines.length > 0) {
      messages.push({ type: this.eventType || 'message', data: this.dataLines.join('\n'), lastEventId: this.lastEventId });
    }
    this.dataLines = [];
    this.eventType = '';
  }
}
