import { describe, expect, it } from 'vitest';
import { applyJsonPatch, JsonPatchError } from './json-patch';

const deny = ['/id', '/credentials', '/credentials/oidc', '/credentials/oidc/**'];

describe('applyJsonPatch', () => {
  const doc = { id: 'x', traits: { email: 'a@b.c', tags: ['a', 'b'] }, state: 'active' };

  it.each([
    [
      'case=replace member',
      [{ op: 'replace', path: '/traits/email', value: 'z@b.c' }],
      { ...doc, traits: { ...doc.traits, email: 'z@b.c' } },
    ],
    [
      'case=replace missing member acts as add',
      [{ op: 'replace', path: '/metadata_public', value: { a: 1 } }],
      { ...doc, metadata_public: { a: 1 } },
    ],
    ['case=add creates parents', [{ op: 'add', path: '/a/b/c', value: 1 }], { ...doc, a: { b: { c: 1 } } }],
    [
      'case=append to array',
      [{ op: 'add', path: '/traits/tags/-', value: 'c' }],
      { ...doc, traits: { ...doc.traits, tags: ['a', 'b', 'c'] } },
    ],
    [
      'case=remove array element',
      [{ op: 'remove', path: '/traits/tags/0' }],
      { ...doc, traits: { ...doc.traits, tags: ['b'] } },
    ],
  ])('%s', (_name, ops, expected) => {
    expect(applyJsonPatch(doc, ops, deny)).toEqual(expected);
  });

  it.each([
    ['case=denied id', [{ op: 'replace', path: '/id', value: 'y' }], /denied path: \/id/],
    ['case=denied credentials', [{ op: 'remove', path: '/credentials' }], /denied path/],
    ['case=denied nested oidc', [{ op: 'add', path: '/credentials/oidc/config/x', value: 1 }], /denied path/],
    ['case=move unsupported', [{ op: 'move', from: '/state', path: '/x' }], /unsupported operation: move/],
    ['case=remove missing', [{ op: 'remove', path: '/nope' }], /missing path/],
    [
      'case=replace index out of range',
      [{ op: 'replace', path: '/traits/tags/5', value: 1 }],
      /missing path/,
    ],
  ])('%s', (_name, ops, message) => {
    expect(() => applyJsonPatch(doc, ops, deny)).toThrow(JsonPatchError);
    expect(() => applyJsonPatch(doc, ops, deny)).toThrow(message);
  });

  it('case=__proto__ is an own key, never the prototype', () => {
    const out = applyJsonPatch({}, [{ op: 'add', path: '/__proto__', value: { polluted: true } }]) as Record<
      string,
      unknown
    >;
    expect(Object.hasOwn(out, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('case=does not mutate the input', () => {
    const input = { a: { b: 1 } };
    applyJsonPatch(input, [{ op: 'replace', path: '/a/b', value: 2 }]);
    expect(input.a.b).toBe(1);
  });
});
