import { describe, expect, it } from 'vitest';
import { formatDuration, parseDurationMs } from './duration';

describe('parseDurationMs', () => {
  it.each([
    ['1h', 3_600_000],
    ['10m', 600_000],
    ['15m30s', 930_000],
    ['500ms', 500],
    ['1.5s', 1500],
    ['0', 0],
    ['-2s', -2000],
    ['1h1m1s1ms', 3_661_001],
  ])('case=%s', (input, expected) => {
    expect(parseDurationMs(input)).toBe(expected);
  });

  it.each(['', '1', 'h', '1x', '1h 2m', 'abc'])('case=rejects %j', (input) => {
    expect(() => parseDurationMs(input)).toThrow(/invalid duration/);
  });
});

describe('formatDuration', () => {
  it.each([
    [3_600_000, '1h0m0s'],
    [600_000, '10m0s'],
    [1500, '1.5s'],
    [250, '250ms'],
    [0, '0s'],
  ])('case=%s', (ms, expected) => {
    expect(formatDuration(ms)).toBe(expected);
  });
});
