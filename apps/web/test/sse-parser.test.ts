import { describe, expect, it } from 'vitest';
import { type SseMessage, SseParser } from '../src/live/sse-parser';

/** Everything the parser dispatches for these chunks, in order. */
const parse = (chunks: string[], parser = new SseParser()): SseMessage[] => chunks.flatMap((chunk) => parser.push(chunk));

/** The stream cut at every possible place, once and into single characters. */
function everySplit(stream: string): string[][] {
  const splits = [[...stream]];
  for (let at = 0; at <= stream.length; at++) splits.push([stream.slice(0, at), stream.slice(at)]);
  return splits;
}

const API_LIKE =
  'retry: 3000\r\nid: 41\r\n\r\n' +
  ': keep-alive\r\n\r\n' +
  'id: 42\r\nevent: version.submitted\r\ndata: {"type":"version.submitted",\r\ndata: "seq":"42"}\r\n\r\n' +
  'id: 43\revent: version.scanned\rdata: {"seq":"43"}\r\r' +
  'id: 44\nevent: import.failed\ndata:{"seq":"44"}\n\n';

describe('the server-sent events parser', () => {
  it('reads an event with its type, id and data', () => {
    expect(parse(['id: 7\nevent: model.created\ndata: {"a":1}\n\n'])).toEqual([
      { type: 'model.created', data: '{"a":1}', lastEventId: '7' },
    ]);
  });

  it('gives the same events wherever the stream is cut, CRLF pairs and multi-line data included', () => {
    const whole = parse([API_LIKE]);
    expect(whole).toEqual([
      { type: 'version.submitted', data: '{"type":"version.submitted",\n"seq":"42"}', lastEventId: '42' },
      { type: 'version.scanned', data: '{"seq":"43"}', lastEventId: '43' },
      { type: 'import.failed', data: '{"seq":"44"}', lastEventId: '44' },
    ]);
    for (const chunks of everySplit(API_LIKE)) expect(parse(chunks), JSON.stringify(chunks)).toEqual(whole);
  });

  it('ends a line at a CR that closes a chunk, without counting the LF that opens the next as a blank line', () => {
    const parser = new SseParser();
    expect(parser.push('data: first\r')).toEqual([]);
    expect(parser.push('\ndata: second\r\n')).toEqual([]);
    expect(parser.push('\r\n')).toEqual([{ type: 'message', data: 'first\nsecond', lastEventId: '' }]);
  });

  it('takes a LF after an empty chunk as the end of the CR before it', () => {
    const parser = new SseParser();
    expect(['data: x\r', '', '\n', '\n'].map((chunk) => parser.push(chunk))).toEqual([
      [],
      [],
      [],
      [{ type: 'message', data: 'x', lastEventId: '' }],
    ]);
  });

  it('keeps an unfinished event until its blank line comes', () => {
    const parser = new SseParser();
    expect(parser.push('id: 5\nevent: a\ndata: waiting')).toEqual([]);
    expect(parser.push('\n')).toEqual([]);
    expect(parser.push('\n')).toEqual([{ type: 'a', data: 'waiting', lastEventId: '5' }]);
  });

  it('ignores comments, unknown fields and a retry that is not a number', () => {
    const parser = new SseParser();
    expect(parse([':hello\nfoo: bar\nretry: soon\ndata: kept\n: between\n\n'], parser)).toEqual([
      { type: 'message', data: 'kept', lastEventId: '' },
    ]);
    expect(parser.retryMs).toBeUndefined();
    parser.push('retry: 1500\n\n');
    expect(parser.retryMs).toBe(1500);
  });

  it('strips one space after the colon, and reads a field without a colon as empty', () => {
    expect(parse(['data:  two spaces\ndata\ndata:none\n\n'])).toEqual([{ type: 'message', data: ' two spaces\n\nnone', lastEventId: '' }]);
  });

  it('dispatches nothing without data, but keeps its id as the place to resume from', () => {
    const parser = new SseParser('3');
    expect(parser.push('retry: 3000\nid: 12\n\nevent: nothing\n\n')).toEqual([]);
    expect(parser.lastEventId).toBe('12');
    expect(parser.push('data: next\n\n')).toEqual([{ type: 'message', data: 'next', lastEventId: '12' }]);
  });

  it('carries an id over to later events, resets the type after each, and refuses an id with NUL', () => {
    expect(parse(['id: 1\nevent: a\ndata: x\n\ndata: y\n\nid: 2\0\ndata: z\n\n'])).toEqual([
      { type: 'a', data: 'x', lastEventId: '1' },
      { type: 'message', data: 'y', lastEventId: '1' },
      { type: 'message', data: 'z', lastEventId: '1' },
    ]);
  });

  it('starts from the id it resumes after', () => {
    expect(parse(['data: x\n\n'], new SseParser('99'))).toEqual([{ type: 'message', data: 'x', lastEventId: '99' }]);
  });
});
