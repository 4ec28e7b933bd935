import { describe, expect, it } from 'vitest';
import { gracefulNormalization, NormalizationError, normalizeIdentifier } from './normalize';

describe('gracefulNormalization', () => {
  it.each([
    ['Admin@Example.com', 'admin@example.com'],
    ['  admin@example.com  ', 'admin@example.com'],
    ['ad\u200Bmin@example.com', 'admin@example.com'],
    ['ａｄｍｉｎ@example.com', 'admin@example.com'],
    ['ad\u202Emin@example.com', 'admin@example.com'],
    ['+49 (0) 1512 3456789', '+4915123456789'],
    ['+1 650-253-0000', '+16502530000'],
    ['UserName', 'username'],
  ])('case=%j', (input, expected) => {
    expect(gracefulNormalization(input)).toBe(expected);
  });
});

describe('normalizeIdentifier', () => {
  it('case=strict email refuses zero-width runes', () => {
    expect(() => normalizeIdentifier('ad\u200Bmin@example.com', 'email')).toThrow(NormalizationError);
  });
  it('case=strict email folds case and width', () => {
    expect(normalizeIdentifier(' ＡＤＭＩＮ@Example.COM ', 'email')).toBe('admin@example.com');
  });
  it('case=sms to E.164', () => {
    expect(normalizeIdentifier('+44 20 7946 0958', 'sms')).toBe('+442079460958');
  });
  it('case=invalid sms', () => {
    expect(() => normalizeIdentifier('12345', 'sms')).toThrow(NormalizationError);
  });
});
