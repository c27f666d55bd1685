import { describe, expect, it } from 'vitest';
import { parseDimsText } from '../src/model/dims-text';

describe('the benchmark form’s dimensions field', () => {
  it('reads named and positional dims, separated by commas or spaces', () => {
    expect(parseDimsText('height=640, width=480')).toEqual({ dims: { height: 640, width: 480 } });
    expect(parseDimsText('x.2=640 x.3=640')).toEqual({ dims: { 'x.2': 640, 'x.3': 640 } });
    expect(parseDimsText('  ')).toEqual({});
  });

  it('names the part it cannot read', () => {
    expect(parseDimsText('height=640, width').problem).toContain('"width"');
    expect(parseDimsText('height=0').problem).toContain('"height=0"');
    expect(parseDimsText('height=-1').problem).toContain('"height=-1"');
  });
});
