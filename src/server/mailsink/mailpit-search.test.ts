import { describe, expect, it } from 'vitest';
import { mailpitFilters, searchArgs, sizeToBytes } from './mailpit-search';

describe('Mailpit search syntax', () => {
  it('case=arguments split on spaces outside quotes, quotes dropped', () => {
    expect(searchArgs('a "b c" -d  subject:"x y"')).toEqual(['a', 'b c', '-d', 'subject:x y']);
  });

  it.each([
    ['2M', 2 * 1024 * 1024],
    ['500k', 512_000],
    ['1.5mb', 1_572_864],
    ['42', 42],
    ['3 kb', 3072],
    ['1g', 0],
    ['lots', 0],
  ])('case=size %s', (v, bytes) => {
    expect(sizeToBytes(v)).toBe(bytes);
  });

  it('case=terms become filters, negation flips them', () => {
    expect(mailpitFilters('to:Alice -from:bob "two words" 50%_off')).toEqual([
      { kind: 'like', columns: ['to_json'], pattern: '%alice%', negate: false },
      { kind: 'like', columns: ['from_json'], pattern: '%bob%', negate: true },
      { kind: 'like', columns: ['search_text'], pattern: '%two words%', negate: false },
      { kind: 'like', columns: ['search_text'], pattern: '%50\\%\\_off%', negate: false },
    ]);
    expect(mailpitFilters('is:read !is:unread has:attachment -has:inline')).toEqual([
      { kind: 'flag', flag: 'read', value: true },
      { kind: 'flag', flag: 'read', value: true },
      { kind: 'flag', flag: 'has_attachments', value: true },
      { kind: 'flag', flag: 'has_inline', value: false },
    ]);
    expect(mailpitFilters('larger:1k -smaller:2k after:2026-01-02 tag:x -is:tagged')).toEqual([
      { kind: 'compare', column: 'size', op: '>', value: 1024 },
      { kind: 'compare', column: 'size', op: '>', value: 2048 },
      { kind: 'compare', column: 'created_ms', op: '>=', value: Date.UTC(2026, 0, 2) },
      { kind: 'constant', value: false },
      { kind: 'constant', value: true },
    ]);
  });

  it('case=empty or unusable terms are skipped; a bad size is a word', () => {
    expect(mailpitFilters('  to:  "" ; before:nonsense')).toEqual([]);
    expect(mailpitFilters('larger:huge')).toEqual([
      { kind: 'like', columns: ['search_text'], pattern: '%larger:huge%', negate: false },
    ]);
    expect(mailpitFilters('-')).toEqual([
      { kind: 'like', columns: ['search_text'], pattern: '%-%', negate: false },
    ]);
  });
});
