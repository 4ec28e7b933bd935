// Request bodies: capped at Kratos's 5 MB without buffering past the cap, parsed as JSON with errors that
// read like Go's encoding/json ones, and never able to pollute Object.prototype.
import type { Context } from 'hono';
import { badRequest, KratosError } from '../errors/errors';

export const MAX_BODY_BYTES = 5 * 1024 * 1024;

export async function readBodyText(c: Context, maxBytes = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(c.req.header('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  const body = c.req.raw.body;
  if (!body) return '';
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function tooLarge(maxBytes: number): KratosError {
  return new KratosError({
    status: 413,
    reason: `The request body is larger than the allowed ${maxBytes} bytes.`,
    message: 'http: request body too large',
  });
}

/** Parses JSON; `__proto__` keys become plain own properties (JSON.parse semantics), never prototypes. */
export function parseJson(text: string): unknown {
  if (text.trim() === '') throw badRequest(undefined, { message: 'unexpected end of JSON input' });
  try {
    return JSON.parse(text);
  } catch (err) {
    throw badRequest(undefined, { message: goJsonSyntaxMessage(text, err) });
  }
}

export async function readJson(c: Context, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  return parseJson(await readBodyText(c, maxBytes));
}

function goJsonSyntaxMessage(text: string, err: unknown): string {
  const m = /position (\d+)/.exec(String(err));
  if (m) {
    const ch = text[Number(m[1])];
    if (ch !== undefined) return `invalid character '${ch}' looking for beginning of value`;
  }
  return /Unexpected end/i.test(String(err)) ? 'unexpected EOF' : `invalid JSON: ${(err as Error).message}`;
}

/** A JSON object with only own, enumerable keys, or undefined when the value is not a plain object. */
export function asObject(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
