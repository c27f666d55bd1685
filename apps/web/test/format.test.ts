import { describe, expect, it } from 'vitest';
import { formatBytes, formatMs, formatParameters, parseParameters } from '../src/format/format';

describe('formatting numbers for people', () => {
  it('shows sizes in decimal units with three significant digits', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(1536)).toBe('1.54 kB');
    expect(formatBytes(44_800_000)).toBe('44.8 MB');
    expect(formatBytes(13_476_839_424)).toBe('13.5 GB');
    expect(formatBytes(512e12)).toBe('512 TB');
  });

  it('shows parameter counts the way model names do', () => {
    expect(formatParameters(950)).toBe('950');
    expect(formatParameters(110_000_000)).toBe('110M');
    expect(formatParameters(66_955_010)).toBe('67M');
    expect(formatParameters(6_738_415_616)).toBe('6.7B');
    expect(formatParameters(70_553_706_496)).toBe('70.6B');
    expect(formatParameters(1_500_000_000_000)).toBe('1.5T');
  });

  it('reads parameter counts back, and refuses what is not one', () => {
    expect(parseParameters('7B')).toBe(7e9);
    expect(parseParameters(' 350 m ')).toBe(350e6);
    expect(parseParameters('1.5K')).toBe(1500);
    expect(parseParameters('1.5e9')).toBe(1.5e9);
    expect(parseParameters('120000')).toBe(120000);
    for (const bad of ['', 'B', '-7B', '7X', '7 billion', '1e300']) expect(parseParameters(bad), bad).toBeUndefined();
  });

  it('shows latencies in ms below a second', () => {
    expect(formatMs(0.734)).toBe('0.73 ms');
    expect(formatMs(12.345)).toBe('12.3 ms');
    expect(formatMs(2500)).toBe('2.50 s');
  });
});
