// Decodes recovery and verification submissions the way Kratos's strategies do (decoderx with
// HTTPDecoderUseQueryAndBody, HTTPDecoderJSONFollowsFormFormat and payload validation): query parameters
// join the body (a form body wins over the query, the query wins over a JSON body), JSON scalars are read
// as the strings a form would carry, and the result is checked against the method's schema, so a wrong
// value becomes a form message (4000040, 4000001...) rather than a 500.
import type { Context } from 'hono';
import type { ValidateFunction } from 'ajv';
import { newAjv } from '../../../schema/validator';
import { buildValidationError } from '../../../schema/validation-error';
import { badRequest, KratosError } from '../../../errors/errors';
import { parseJson, readBodyText } from '../../../http/body';
import { decodeFlowBody, expandDotted } from '../body';

export interface MethodBody {
  method?: string;
  email?: string;
  code?: string;
  token?: string;
  csrf_token?: string;
  flow?: string;
  transient_payload?: Record<string, unknown>;
}

export type MethodSchemaName = 'recovery' | 'verification-code' | 'verification-link';

const STRING = { type: 'string' };
const LOOSE_EMAIL = { type: 'string', format: 'email_loose', maxLength: 320 };
const COMMON = {
  flow: { type: 'string', format: 'uuid' },
  csrf_token: STRING,
  transient_payload: { type: 'object', additionalProperties: true },
};

// The method schemas of selfservice/strategy/{code,link}/.schema: recovery (code and link) and link
// verification take a loose email, code verification an email or phone number and only known methods.
const SCHEMAS: Record<MethodSchemaName, object> = {
  recovery: {
    type: 'object',
    properties: { method: STRING, code: STRING, token: STRING, email: LOOSE_EMAIL, ...COMMON },
  },
  'verification-code': {
    type: 'object',
    properties: {
      method: { type: 'string', enum: ['code', 'link'] },
      code: STRING,
      email: { type: 'string', maxLength: 320 },
      ...COMMON,
    },
  },
  'verification-link': {
    type: 'object',
    properties: { method: STRING, token: STRING, email: LOOSE_EMAIL, ...COMMON },
  },
};

const FIELDS = ['method', 'email', 'code', 'token', 'csrf_token', 'flow'] as const;

let compiled: Map<MethodSchemaName, ValidateFunction> | undefined;

function validator(name: MethodSchemaName): ValidateFunction {
  if (!compiled) {
    const ajv = newAjv();
    ajv.addFormat('email_loose', isLooseEmail);
    compiled = new Map((Object.keys(SCHEMAS) as MethodSchemaName[]).map((n) => [n, ajv.compile(SCHEMAS[n])]));
  }
  return compiled.get(name) as ValidateFunction;
}

/**
 * x.IsEmailAddress: letters, digits and RFC 5322 atext in the local part (dots anywhere, so carrier
 * addresses like "foo.@docomo.ne.jp" pass), one "@", a host name as domain, at most 320 bytes.
 */
export function isLooseEmail(s: string): boolean {
  if (s.length === 0 || Buffer.byteLength(s, 'utf8') > 320) return false;
  const at = s.indexOf('@');
  if (at <= 0 || at === s.length - 1) return false;
  const local = s.slice(0, at);
  const domain = s.slice(at + 1);
  if (!/^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~.-]+$/u.test(local)) return false;
  // idna.Lookup only accepts host names: letters, digits, marks, dots and hyphens (no "@", spaces, CR/LF).
  if (!/^[\p{L}\p{N}\p{M}.-]+$/u.test(domain)) return false;
  let ascii: string;
  try {
    ascii = new URL(`http://${domain}/`).hostname;
  } catch {
    return false;
  }
  if (ascii.length > 253 || /[^a-z0-9.-]/.test(ascii)) return false;
  return ascii
    .replace(/\.$/, '')
    .split('.')
    .every((label) => label.length >= 1 && label.length <= 63 && !/^-|-$/.test(label));
}

function asFormString(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/** The decoded, validated method body; a SchemaValidationError (or a 400/415 KratosError) when invalid. */
export async function decodeMethodBody(
  c: Context,
  schema: MethodSchemaName,
): Promise<{ body: MethodBody; json: boolean }> {
  const decoded = await decodeBody(c);
  const merged: Record<string, unknown> = {};
  const query = new URL(c.req.url).searchParams;
  for (const key of FIELDS) {
    const fromBody = Object.hasOwn(decoded.body, key) ? asFormString(decoded.body[key]) : undefined;
    const fromQuery = query.get(key) || undefined;
    const value = decoded.json ? (fromQuery ?? fromBody) : (fromBody ?? fromQuery);
    if (value !== undefined && value !== '') merged[key] = value;
  }
  const payload = Object.hasOwn(decoded.body, 'transient_payload')
    ? decoded.body.transient_payload
    : undefined;
  if (payload !== undefined && payload !== null) merged.transient_payload = parsePayload(payload);

  const validate = validator(schema);
  if (!validate(merged)) {
    const invalid = buildValidationError(validate.errors ?? []);
    if (invalid) throw invalid;
  }
  return { body: merged as MethodBody, json: decoded.json };
}

/**
 * decodeFlowBody, with the errors decoderx gives for JSON that is not an object of the form
 * (HTTPDecoderJSONFollowsFormFormat): "Unable to decode form as JSON." and "Expected JSON sent in request
 * body to be an object but got: <gjson type>".
 */
async function decodeBody(c: Context): Promise<{ body: Record<string, unknown>; json: boolean }> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (c.req.method.toUpperCase() === 'GET' || type !== 'application/json') return decodeFlowBody(c);
  let parsed: unknown;
  try {
    parsed = parseJson(await readBodyText(c));
  } catch (err) {
    if (err instanceof KratosError && err.status === 400) throw badRequest('Unable to decode form as JSON.');
    throw err;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw badRequest(`Expected JSON sent in request body to be an object but got: ${gjsonType(parsed)}`);
  }
  return { body: expandDotted(parsed as Record<string, unknown>), json: true };
}

/** gjson's Type.String() of a JSON value. */
function gjsonType(v: unknown): string {
  if (v === null) return 'Null';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'number') return 'Number';
  if (typeof v === 'string') return 'String';
  return 'JSON';
}

/** Form posts carry transient_payload as a JSON string. */
function parsePayload(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    return v;
  }
}
