import { describe, expect, it } from 'vitest';
import { chunkForBatch } from '../api/batch-create-identities';
import { parseImport } from './parse-import';

describe('parseImport', () => {
  it('case=array of create bodies', () => {
    const r = parseImport(JSON.stringify([{ schema_id: 'default', traits: { email: 'a@x.io' } }]));
    expect(r).toMatchObject({
      ok: true,
      items: [{ index: 0, label: 'a@x.io', create: { schema_id: 'default' } }],
    });
  });

  it('case=batch body with create wrappers', () => {
    const r = parseImport(
      JSON.stringify({ identities: [{ create: { schema_id: 's', traits: { username: 'u' } } }] }),
    );
    expect(r).toMatchObject({ ok: true, items: [{ label: 'u' }] });
  });

  it('case=admin API output: read-only fields and config-less credentials dropped', () => {
    const r = parseImport(
      JSON.stringify([
        {
          id: '5f1e…',
          schema_id: 'default',
          schema_url: 'http://x/schemas/ZGVmYXVsdA',
          traits: { email: 'a@x.io' },
          credentials: { password: { type: 'password', identifiers: ['a@x.io'] } },
          created_at: '2026-01-01T00:00:00Z',
        },
      ]),
    );
    expect(r.ok && r.items[0]?.create).toEqual({ schema_id: 'default', traits: { email: 'a@x.io' } });
  });

  it('case=not JSON / not a list / bad items', () => {
    expect(parseImport('{').ok).toBe(false);
    expect(parseImport('{"a":1}').ok).toBe(false);
    const r = parseImport('[1, {"schema_id":"x"}]');
    expect(r.ok && r.problems).toHaveLength(2);
  });
});

describe('chunkForBatch', () => {
  const plain = {
    create: { schema_id: 'd', traits: {}, credentials: { password: { config: { password: 'p' } } } },
  };
  const hashed = { create: { schema_id: 'd', traits: {} } };
  it('case=≤1000 per request without plaintext passwords', () => {
    expect(chunkForBatch(Array(2500).fill(hashed)).map((c) => c.length)).toEqual([1000, 1000, 500]);
  });
  it('case=≤200 per request once a plaintext password is in it', () => {
    expect(chunkForBatch(Array(450).fill(plain)).map((c) => c.length)).toEqual([200, 200, 50]);
    const mixed = [...Array(300).fill(hashed), plain, ...Array(10).fill(hashed)];
    const sizes = chunkForBatch(mixed).map((c) => c.length);
    expect(sizes).toEqual([300, 11]);
  });
});
