import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { KratosError } from '../../../errors/errors';
import { SchemaValidationError } from '../../../schema/validation-error';
import { decodeMethodBody, isLooseEmail, type MethodSchemaName } from './method-body';

/** Runs decodeMethodBody inside a request and returns the body or the error's summary. */
async function decode(
  schema: MethodSchemaName,
  url: string,
  init: RequestInit = {},
): Promise<Record<string, unknown>> {
  const app = new Hono();
  app.all('*', async (c) => {
    try {
      const { body, json } = await decodeMethodBody(c, schema);
      return c.json({ body, json });
    } catch (err) {
      if (err instanceof KratosError) return c.json({ reason: err.reason, status: err.status });
      if (err instanceof SchemaValidationError) return c.json({ invalid: err.message });
      throw err;
    }
  });
  return (await (await app.request(`http://x${url}`, init)).json()) as Record<string, unknown>;
}

const post = (body: unknown, type = 'application/json'): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': type },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

describe('isLooseEmail (x.IsEmailAddress)', () => {
  it.each([
    ['ada@example.com', true],
    ['foo.@docomo.ne.jp', true],
    ['ADA+tag@Example.COM', true],
    ['ünïcode@example.com', true],
    ['ada@bücher.example', true],
    ['', false],
    ['ada', false],
    ['@example.com', false],
    ['ada@', false],
    ['ada smith@example.com', false],
    ['ada@exa mple.com', false],
    ['"ada"@example.com', false],
    ['ada@example.com\r\nBcc: x@example.com', false],
    [`${'a'.repeat(310)}@example.com`, false],
  ])('case=%s → %s', (input, ok) => {
    expect(isLooseEmail(input)).toBe(ok);
  });
});

describe('decodeMethodBody', () => {
  it('case=a JSON body: scalars become form strings, the query wins over the body', async () => {
    const out = await decode(
      'recovery',
      '/?flow=6b9a8f4e-0000-4000-8000-000000000001&code=1',
      post({ code: 123456, method: 'code', flow: 'x' }),
    );
    expect(out).toEqual({
      body: { method: 'code', code: '1', flow: '6b9a8f4e-0000-4000-8000-000000000001' },
      json: true,
    });
  });

  it('case=a form body wins over the query; transient_payload arrives as JSON text', async () => {
    const form = new URLSearchParams({ code: '654321', transient_payload: '{"a":1}' }).toString();
    const out = await decode('recovery', '/?code=1', post(form, 'application/x-www-form-urlencoded'));
    expect(out).toEqual({ body: { code: '654321', transient_payload: { a: 1 } }, json: false });
  });

  it('case=a GET (link click) reads the query', async () => {
    const out = await decode('verification-code', '/?flow=6b9a8f4e-0000-4000-8000-000000000001&code=123456');
    expect(out.body).toEqual({ flow: '6b9a8f4e-0000-4000-8000-000000000001', code: '123456' });
  });

  it('case=the method schema decides what is valid', async () => {
    expect((await decode('recovery', '/', post({ email: 'not an email' }))).invalid).toContain('email_loose');
    expect((await decode('verification-code', '/', post({ method: 'telepathy' }))).invalid).toContain(
      'method',
    );
    expect((await decode('verification-code', '/', post({ email: '+14155550100' }))).body).toEqual({
      email: '+14155550100',
    });
    expect((await decode('recovery', '/', post({ transient_payload: 5 }))).invalid).toContain(
      'transient_payload',
    );
  });

  it('case=JSON that is not an object of fields', async () => {
    expect(await decode('recovery', '/', post('{"email":'))).toEqual({
      reason: 'Unable to decode form as JSON.',
      status: 400,
    });
    for (const [text, type] of [
      ['[]', 'JSON'],
      ['"x"', 'String'],
      ['null', 'Null'],
      ['true', 'True'],
      ['1', 'Number'],
    ] as const) {
      expect(await decode('recovery', '/', post(text))).toEqual({
        reason: `Expected JSON sent in request body to be an object but got: ${type}`,
        status: 400,
      });
    }
  });

  it('case=__proto__ keys stay ordinary data', async () => {
    const out = await decode(
      'recovery',
      '/',
      post('{"__proto__":{"email":"x@example.com"},"method":"code"}'),
    );
    expect(out.body).toEqual({ method: 'code' });
    expect(({} as Record<string, unknown>).email).toBeUndefined();
  });
});
