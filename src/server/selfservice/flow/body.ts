// Decodes self-service submissions the way Kratos's decoderx does for strategies: JSON (nested, or
// flattened form-style keys like "traits.email") or form posts; form values are typed by the identity
// schema (numbers, booleans — the last value wins for booleans, so "hidden false + checkbox true" works),
// empty strings are dropped so a blank required field reads as missing.
import type { Context } from 'hono';
import { badRequest, KratosError } from '../../errors/errors';
import { parseJson, readBodyText } from '../../http/body';
import type { JsonObject } from '../../schema/model';

export interface DecodedBody {
  body: Record<string, unknown>;
  /** The request body was JSON (affects CSRF reasons and responses). */
  json: boolean;
}

export async function decodeFlowBody(c: Context, identitySchema?: JsonObject): Promise<DecodedBody> {
  const method = c.req.method.toUpperCase();
  if (method === 'GET') return { body: Object.fromEntries(new URL(c.req.url).searchParams), json: false };
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const text = await readBodyText(c);
  if (type === 'application/json') {
    const parsed = parseJson(text);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw badRequest('Unable to decode JSON payload: expected a JSON object.');
    }
    return { body: expandDotted(parsed as Record<string, unknown>), json: true };
  }
  if (type === 'application/x-www-form-urlencoded' || type === '' || type === 'multipart/form-data') {
    const params =
      type === 'multipart/form-data' ? await multipartParams(c, text) : new URLSearchParams(text);
    return { body: formToObject(params, identitySchema), json: false };
  }
  throw new KratosError({
    status: 415,
    reason: `Unable to decode body because HTTP Request Content-Type "${type}" is unsupported.`,
  });
}

async function multipartParams(c: Context, text: string): Promise<URLSearchParams> {
  const boundary = /boundary=("?)([^";]+)\1/i.exec(c.req.header('content-type') ?? '')?.[2];
  const params = new URLSearchParams();
  if (!boundary) return params;
  for (const part of text.split(`--${boundary}`)) {
    const m = /^\r?\n([\s\S]*?)\r?\n\r?\n([\s\S]*?)\r?\n?$/.exec(part);
    const name = m ? /name="([^"]*)"/i.exec(m[1] ?? '')?.[1] : undefined;
    if (m && name !== undefined) params.append(name, m[2] ?? '');
  }
  return params;
}

/** Turns `{"traits.email": "x"}` into `{traits: {email: "x"}}`, keeping `__proto__` an ordinary key. */
export function expandDotted(input: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (!key.includes('.')) {
      assign(out, [key], value);
      continue;
    }
    assign(out, key.split('.'), value);
  }
  return out;
}

function assign(target: Record<string, unknown>, path: string[], value: unknown): void {
  let cur = target;
  path.forEach((seg, i) => {
    if (i === path.length - 1) {
      const existing = Object.hasOwn(cur, seg) ? cur[seg] : undefined;
      const merged =
        existing &&
        typeof existing === 'object' &&
        value &&
        typeof value === 'object' &&
        !Array.isArray(value)
          ? { ...(existing as object), ...(value as object) }
          : value;
      Object.defineProperty(cur, seg, {
        value: merged,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      return;
    }
    const next = Object.hasOwn(cur, seg) ? cur[seg] : undefined;
    if (next === null || typeof next !== 'object' || Array.isArray(next)) {
      Object.defineProperty(cur, seg, { value: {}, enumerable: true, writable: true, configurable: true });
    }
    cur = cur[seg] as Record<string, unknown>;
  });
}

function formToObject(params: URLSearchParams, identitySchema?: JsonObject): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    const type = typeOf(key, identitySchema);
    let value: unknown;
    if (type === 'boolean' || BOOLEAN_FIELDS.has(key)) {
      value = parseBool(all[all.length - 1] ?? '');
    } else if (type === 'array') {
      value = all.filter((v) => v !== '');
      if ((value as string[]).length === 0) continue;
    } else {
      const first = all[0] ?? '';
      if (first === '') continue;
      value = type === 'number' || type === 'integer' ? toNumber(first) : first;
    }
    assign(out, key.split('.'), value);
  }
  return out;
}

/** Method fields that are booleans in Kratos's method schemas (totp_unlink, lookup_secret_* ...). */
const BOOLEAN_FIELDS = new Set([
  'refresh',
  'totp_unlink',
  'lookup_secret_regenerate',
  'lookup_secret_reveal',
  'lookup_secret_confirm',
  'lookup_secret_disable',
]);

function parseBool(v: string): boolean | string {
  const lower = v.toLowerCase();
  if (['true', '1', 'on', 't', 'yes'].includes(lower)) return true;
  if (['false', '0', 'off', 'f', 'no', ''].includes(lower)) return false;
  return v;
}

function toNumber(v: string): number | string {
  const n = Number(v);
  return Number.isFinite(n) ? n : v;
}

/** The JSON type the identity schema declares for a dotted `traits.*` key. */
function typeOf(key: string, schema?: JsonObject): string | undefined {
  if (!schema || !key.startsWith('traits.')) return undefined;
  let node: JsonObject | undefined = schema;
  for (const seg of key.split('.')) {
    const props = (node?.properties ?? undefined) as Record<string, JsonObject> | undefined;
    node = props && Object.hasOwn(props, seg) ? props[seg] : undefined;
    if (!node) return undefined;
  }
  const t = node?.type;
  return Array.isArray(t) ? (t.find((x) => x !== 'null') as string | undefined) : (t as string | undefined);
}
