import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { decodeFlowBody, expandDotted } from './body';

const schema = {
  type: 'object',
  properties: {
    traits: {
      type: 'object',
      properties: {
        email: { type: 'string' },
        age: { type: 'integer' },
        newsletter: { type: 'boolean' },
        tags: { type: 'array', items: { type: 'string' } },
      },
    },
  },
};

async function decode(body: string, contentType: string): Promise<unknown> {
  const app = new Hono();
  app.post('/', async (c) => c.json(await decodeFlowBody(c, schema)));
  const res = await app.request('/', { method: 'POST', body, headers: { 'Content-Type': contentType } });
  return res.json();
}

describe('decodeFlowBody', () => {
  it('case=form values are typed by the identity schema', async () => {
    const out = await decode(
      'method=password&traits.email=a%40b.c&traits.age=42&traits.newsletter=false&traits.newsletter=true&traits.tags=a&traits.tags=b&password=',
      'application/x-www-form-urlencoded',
    );
    expect(out).toEqual({
      body: { method: 'password', traits: { email: 'a@b.c', age: 42, newsletter: true, tags: ['a', 'b'] } },
      json: false,
    });
  });

  it('case=JSON may be nested or flattened', async () => {
    expect(
      await decode('{"traits.email":"a@b.c","traits":{"age":1},"method":"password"}', 'application/json'),
    ).toEqual({
      body: { traits: { email: 'a@b.c', age: 1 }, method: 'password' },
      json: true,
    });
  });

  it('case=__proto__ stays an own key', () => {
    const out = expandDotted(
      JSON.parse('{"__proto__.polluted":true,"traits.__proto__":{"x":1}}') as Record<string, unknown>,
    );
    expect(Object.hasOwn(out, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('case=non-object JSON is a 400', async () => {
    const app = new Hono();
    app.post('/', async (c) => c.json(await decodeFlowBody(c)));
    app.onError((err, c) => c.json({ status: (err as { status?: number }).status }, 400));
    const res = await app.request('/', {
      method: 'POST',
      body: '[1]',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(await res.json()).toEqual({ status: 400 });
  });
});
