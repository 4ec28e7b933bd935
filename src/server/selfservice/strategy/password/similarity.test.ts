import { describe, expect, it } from 'vitest';
import {
  goToLower,
  isTooSimilarToIdentifier,
  lcsLength,
  levenshteinDistance,
  MAX_SIMILARITY_CHECK_BYTES,
  utf8ByteLength,
} from './similarity';

describe('lcsLength (validator.go lcsLength)', () => {
  // Kratos's validator_lcs_test.go table, checked in both argument orders like Kratos does.
  it.each([
    { a: 'foo', b: 'foo', l: 3 },
    { a: 'fo', b: 'foo', l: 2 },
    { a: 'bar', b: 'foo', l: 0 },
    { a: 'foobar', b: 'foo', l: 3 },
    { a: 'foobar', b: 'oo', l: 2 },
    { a: 'foobar', b: 'a', l: 1 },
    { a: '', b: 'foo', l: 0 },
  ])('case=$a/$b', ({ a, b, l }) => {
    expect(lcsLength(a, b)).toBe(l);
    expect(lcsLength(b, a)).toBe(l);
  });

  it.each([
    // The table is indexed by byte offsets but stepped by runes: a run restarts after a multi-byte rune.
    { name: 'two-byte rune then ascii restarts the run', a: 'äb', b: 'äb', l: 1 },
    { name: 'ascii after the restart chains again', a: 'äbc', b: 'äbc', l: 2 },
    { name: 'a multi-byte rune still extends a run that precedes it', a: 'abcé', b: 'abcé', l: 4 },
    { name: 'only multi-byte runes', a: 'ééé', b: 'ééé', l: 1 },
    { name: 'four-byte runes', a: 'x😀y😀', b: 'x😀y😀', l: 2 },
  ])('case=$name', ({ a, b, l }) => {
    expect(lcsLength(a, b)).toBe(l);
  });
});

describe('levenshteinDistance (arbovm/levenshtein, over runes)', () => {
  it.each([
    { a: '', b: '', d: 0 },
    { a: 'abc', b: '', d: 3 },
    { a: '', b: 'abc', d: 3 },
    { a: 'kitten', b: 'sitting', d: 3 },
    { a: 'hello@example.com', b: 'hello@example.com12345', d: 5 },
    { a: 'äb', b: 'ab', d: 1 }, // one rune, two bytes: still one edit
    { a: '😀', b: '😁', d: 1 },
  ])('case=$a/$b', ({ a, b, d }) => {
    expect(levenshteinDistance(a, b)).toBe(d);
    expect(levenshteinDistance(b, a)).toBe(d);
  });
});

describe('goToLower (Go strings.ToLower)', () => {
  it.each([
    { name: 'ascii', input: 'HeLLo@Example.COM', want: 'hello@example.com' },
    { name: 'dotted capital I maps to plain i like Go, not i + U+0307', input: 'İstanbul', want: 'istanbul' },
    { name: 'final sigma stays σ like Go (JS would give ς)', input: 'ΟΔΟΣ', want: 'οδοσ' },
    { name: 'lone surrogate becomes U+FFFD', input: 'a\ud800b', want: 'a\ufffdb' },
  ])('case=$name', ({ input, want }) => {
    expect(goToLower(input)).toBe(want);
  });
});

describe('isTooSimilarToIdentifier', () => {
  // Rebuilt from Kratos's validator_test.go "default strategy" table (the similarity rows).
  it.each([
    { id: 'l3f9toh1uaf81n21', pw: 'l3f9toh1uaf81n21', similar: true },
    { id: 'hello@example.com', pw: 'hello@example.com12345', similar: true },
    { id: 'hello@example.com', pw: '123hello@example.com123', similar: true },
    { id: 'hello@example.com', pw: 'hello@exam', similar: true },
    { id: 'hello@example.com', pw: 'HELLO@EXAMPLE.COM', similar: true },
    { id: 'hello@example.com', pw: 'HELLO@example.com', similar: true },
    { id: 'hello@exam', pw: 'hello@example.com', similar: true },
    { id: 'hello@example.com', pw: 'h3ll0@example', similar: true },
    { id: 'bosqwfaxee', pw: 'bosqwfaxee', similar: true },
    { id: 'abcd', pw: '9d3c8a1b', similar: false },
    { id: 'a', pw: 'kjOklafe', similar: false },
    { id: 'ab', pw: '0000ab0000123', similar: false },
    { id: '', pw: 'l3f9toh1uaf81n21', similar: false },
    { id: 'd4f6090b-5a84', pw: 'd4f6090b-5a84-2184-4404-8d1b-8da3eb00ebbe', similar: false },
    { id: 'asdflasdflasdf', pw: 'asdflasdflpiuhefnciluaksdzuföfhg', similar: false },
  ])('case=id "$id" pw "$pw"', ({ id, pw, similar }) => {
    expect(isTooSimilarToIdentifier(id, pw)).toBe(similar);
  });

  it('case=distance 4 alone is too similar, distance 5 with a small shared part is not', () => {
    expect(isTooSimilarToIdentifier('abcdefghij', 'abcdefghij1234')).toBe(true); // dist 4
    // dist 10, longest shared run 2 of 10 bytes
    expect(isTooSimilarToIdentifier('abxxxxxxxx', 'abyyyyyyyy')).toBe(false);
  });

  it('case=shared substring of exactly half the password is not too similar (strictly greater)', () => {
    // dist ≥ 5, lcs "abcdef" = 6 of 12 bytes = 0.5
    expect(isTooSimilarToIdentifier('abcdef', 'abcdef123456')).toBe(false);
    expect(isTooSimilarToIdentifier('abcdefg', 'abcdefg12345')).toBe(true); // 7/12
  });

  it('case=multi-byte quirk: Kratos accepts what a correct LCS would reject', () => {
    // Correct LCS would be 17 runes of 23 bytes (0.74); Kratos's byte-indexed table finds 9 → 0.39, and the
    // distance is 5, so Kratos lets it through. Gatehouse must too.
    expect(isTooSimilarToIdentifier('abcdefghéijklmnop', 'abcdefghéijklmnop12345')).toBe(false);
    expect(isTooSimilarToIdentifier('abcdefghzijklmnop', 'abcdefghzijklmnop12345')).toBe(true);
  });

  it('case=skips operands over 256 bytes (ed0096b95)', () => {
    const large = 'a'.repeat(MAX_SIMILARITY_CHECK_BYTES + 1);
    expect(isTooSimilarToIdentifier(large, large)).toBe(false);
    const atCap = 'a'.repeat(MAX_SIMILARITY_CHECK_BYTES);
    expect(isTooSimilarToIdentifier(atCap, atCap)).toBe(true);
    // 129 two-byte runes = 258 bytes
    expect(isTooSimilarToIdentifier('x', 'é'.repeat(129))).toBe(false);
  });

  it('case=re-checks the size after lower-casing', () => {
    // "Ⱥ" (U+023A, 2 bytes) lower-cases to "ⱥ" (U+2C65, 3 bytes): 100 of them are 200 bytes before and 300
    // after, so Kratos skips the check even though the strings are identical.
    const grows = 'Ⱥ'.repeat(100);
    expect(utf8ByteLength(grows)).toBe(200);
    expect(utf8ByteLength(goToLower(grows))).toBe(300);
    expect(isTooSimilarToIdentifier(grows, grows)).toBe(false);
    const stays = 'Ⱥ'.repeat(80); // 160 → 240 bytes: checked
    expect(isTooSimilarToIdentifier(stays, stays)).toBe(true);
  });

  it('case=huge operands return at once', () => {
    const huge = 'a'.repeat(1024 * 1024);
    const cpu = process.cpuUsage();
    expect(isTooSimilarToIdentifier('a', huge)).toBe(false);
    expect(isTooSimilarToIdentifier(huge, 'password')).toBe(false);
    const used = process.cpuUsage(cpu);
    expect((used.user + used.system) / 1000).toBeLessThan(50);
  });
});
