import { describe, expect, it } from 'vitest';
import type { Credentials } from '../../../identity/model';
import { codesNode, generateLookupCodes, recoveryCodesOf, useLookupCode } from './codes';

const NOW = new Date('2026-03-01T12:00:00.600Z');

const credential = (recovery_codes: unknown): Credentials => ({
  type: 'lookup_secret',
  identifiers: ['id'],
  config: { recovery_codes },
  version: 0,
  created_at: NOW.toISOString(),
  updated_at: NOW.toISOString(),
});

describe('generateLookupCodes', () => {
  it('case=twelve codes of eight [a-z0-9] characters', () => {
    const codes = generateLookupCodes();
    expect(codes).toHaveLength(12);
    for (const c of codes) {
      expect(c.code).toMatch(/^[a-z0-9]{8}$/);
      expect(c).not.toHaveProperty('used_at');
    }
  });

  it('case=codes are random: every character of the alphabet shows up, no two sets are alike', () => {
    const chars = new Set<string>();
    const sets = new Set<string>();
    for (let i = 0; i < 40; i++) {
      const codes = generateLookupCodes();
      sets.add(codes.map((c) => c.code).join(','));
      for (const c of codes) for (const ch of c.code) chars.add(ch);
    }
    expect(sets.size).toBe(40);
    expect(chars.size).toBe(36);
  });
});

describe('recoveryCodesOf', () => {
  it('case=reads codes, keeps real used_at values and treats null, "" and Go zero time as unused', () => {
    const codes = recoveryCodesOf(
      credential([
        { code: 'aaaaaaaa' },
        { code: 'bbbbbbbb', used_at: '2026-01-01T00:00:00Z' },
        { code: 'cccccccc', used_at: null },
        { code: 'dddddddd', used_at: '' },
        { code: 'eeeeeeee', used_at: '0001-01-01T00:00:00Z' },
        { code: 42 },
        'not an object',
        null,
      ]),
    );
    expect(codes).toEqual([
      { code: 'aaaaaaaa' },
      { code: 'bbbbbbbb', used_at: '2026-01-01T00:00:00Z' },
      { code: 'cccccccc' },
      { code: 'dddddddd' },
      { code: 'eeeeeeee' },
    ]);
  });

  it.each([[undefined], [{}], ['x'], [null]])('case=no usable list (%j) means no codes', (value) => {
    expect(recoveryCodesOf(value === undefined ? undefined : credential(value))).toEqual([]);
  });
});

describe('useLookupCode', () => {
  const codes = [
    { code: 'aaaaaaaa' },
    { code: 'bbbbbbbb', used_at: '2026-01-01T00:00:00Z' },
    { code: 'cccccccc' },
  ];

  it('case=an unused code is marked used at the current second; the others stay as they were', () => {
    const result = useLookupCode(codes, 'cccccccc', NOW);
    expect(result).toEqual({
      outcome: 'used',
      codes: [codes[0], codes[1], { code: 'cccccccc', used_at: '2026-03-01T12:00:01Z' }],
    });
    expect(codes[2]).toEqual({ code: 'cccccccc' });
  });

  it.each([
    ['a used code', 'bbbbbbbb', 'already_used'],
    ['an unknown code', 'zzzzzzzz', 'invalid'],
    ['a different case', 'AAAAAAAA', 'invalid'],
    ['a prefix', 'aaaa', 'invalid'],
    ['empty', '', 'invalid'],
  ])('case=%s', (_name, candidate, outcome) => {
    expect(useLookupCode(codes, candidate, NOW).outcome).toBe(outcome);
  });

  it('case=a code used once cannot be used again', () => {
    const first = useLookupCode(codes, 'aaaaaaaa', NOW);
    if (first.outcome !== 'used') throw new Error('expected the first use to succeed');
    expect(useLookupCode(first.codes, 'aaaaaaaa', NOW).outcome).toBe('already_used');
  });
});

describe('codesNode', () => {
  it('case=lists codes with "used" for used ones and one message per code in context.secrets', () => {
    const node = codesNode([{ code: 'aaaaaaaa' }, { code: 'bbbbbbbb', used_at: '2026-01-01T00:00:00Z' }]);
    expect(node.group).toBe('lookup_secret');
    expect(node.attributes.id).toBe('lookup_secret_codes');
    expect(node.meta.label?.id).toBe(1050010);
    const text = node.attributes.text;
    expect(text?.id).toBe(1050015);
    expect(text?.text).toBe('aaaaaaaa, used');
    const secrets = text?.context?.secrets as {
      id: number;
      text: string;
      context: Record<string, unknown>;
    }[];
    expect(secrets.map((s) => s.id)).toEqual([1050009, 1050014]);
    expect(secrets[0]?.context).toEqual({ secret: 'aaaaaaaa' });
    expect(secrets[1]?.context.used_at).toBe('2026-01-01T00:00:00Z');
  });
});
