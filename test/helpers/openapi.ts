// Validates response bodies against Kratos's OpenAPI document (resources/kratos/api.json), following
// DEPENDENCIES.md: OpenAPI 3.0 `nullable` turned into JSON Schema null types, component refs rewritten to
// the document added under the id `api`, and the custom formats accepted.
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Json = Record<string, unknown>;

const doc = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../resources/kratos/api.json'), 'utf8'),
) as Json;

function convertNullable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(convertNullable);
  if (node === null || typeof node !== 'object') return node;
  const obj: Json = {};
  for (const [k, v] of Object.entries(node)) obj[k] = convertNullable(v);
  if (obj.nullable === true) {
    delete obj.nullable;
    if (typeof obj.type === 'string') {
      obj.type = [obj.type, 'null'];
      if (Array.isArray(obj.enum)) obj.enum = [...obj.enum, null];
    } else if (obj.type === undefined) {
      const { description, title, ...rest } = obj;
      return {
        ...(description ? { description } : {}),
        ...(title ? { title } : {}),
        anyOf: [rest, { type: 'null' }],
      };
    }
  }
  return obj;
}

function rewriteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (node === null || typeof node !== 'object') return node;
  const obj: Json = {};
  for (const [k, v] of Object.entries(node)) {
    obj[k] = k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `api${v}` : rewriteRefs(v);
  }
  return obj;
}

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
for (const f of [
  'int64',
  'int32',
  'uuid4',
  'duration',
  'binary',
  'uint8',
  'uint32',
  'uint64',
  'float',
  'double',
  'byte',
]) {
  ajv.addFormat(f, () => true);
}
const converted = convertNullable(doc) as Json;
// SPEC≠CODE: the document forbids any key in `genericError.details`, yet Kratos fills it (CSRF
// `reject_reason`, expired-flow `redirect_to`, AAL `redirect_browser_to`, ...). Allow what Kratos sends.
((converted.components as Json).schemas as Record<string, Json>).genericError!.properties = {
  ...((((converted.components as Json).schemas as Record<string, Json>).genericError as Json)
    .properties as Json),
  details: { type: 'object', additionalProperties: true },
};
ajv.addSchema(converted, 'api');

const cache = new Map<string, ValidateFunction | null>();
const paths = Object.keys((converted.paths ?? {}) as Json).map((template) => ({
  template,
  regex: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
}));

function resolveRef(ref: string): Json {
  return ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>((acc, seg) => (acc as Json)[seg], converted) as Json;
}

/** The schema of `method path status` (falling back to `default`), or undefined when the spec has none. */
function validatorFor(method: string, pathname: string, status: number): ValidateFunction | undefined {
  const withoutAdmin = pathname;
  const match =
    paths.find((p) => p.regex.test(withoutAdmin) && !p.template.includes('{')) ??
    paths.find((p) => p.regex.test(withoutAdmin));
  if (!match) return undefined;
  const key = `${method} ${match.template} ${status}`;
  if (cache.has(key)) return cache.get(key) ?? undefined;
  const op = ((converted.paths as Json)[match.template] as Json)[method.toLowerCase()] as Json | undefined;
  let response = ((op?.responses ?? {}) as Json)[String(status)] ?? ((op?.responses ?? {}) as Json).default;
  if (response && typeof (response as Json).$ref === 'string')
    response = resolveRef((response as Json).$ref as string);
  const schema = (
    ((response as Json | undefined)?.content as Json | undefined)?.['application/json'] as Json | undefined
  )?.schema;
  const fn = schema ? ajv.compile(rewriteRefs(schema) as Json) : null;
  cache.set(key, fn);
  return fn ?? undefined;
}

export interface ResponseCheck {
  operation: string;
  errors: string[];
}

const errorGeneric = ajv.compile({ $ref: 'api#/components/schemas/errorGeneric' });

/** Validates one JSON response body; returns undefined when the document defines no schema for it. */
export function checkResponse(
  method: string,
  url: string,
  status: number,
  body: unknown,
): ResponseCheck | undefined {
  const pathname = new URL(url).pathname;
  // SPEC≠CODE: where the document gives a 4xx the flow's schema, Kratos still answers errors that happen
  // before a flow exists (malformed flow id, ...) with the generic error body.
  const isErrorBody = body !== null && typeof body === 'object' && 'error' in body && !('ui' in body);
  const fn =
    isErrorBody && status >= 400 ? errorGeneric : validatorFor(method.toUpperCase(), pathname, status);
  if (!fn) return undefined;
  const ok = fn(body);
  return {
    operation: `${method.toUpperCase()} ${pathname} -> ${status}`,
    errors: ok
      ? []
      : (fn.errors ?? []).map(
          (e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
        ),
  };
}

export function expectValidResponse(method: string, url: string, status: number, body: unknown): void {
  const check = checkResponse(method, url, status, body);
  if (check && check.errors.length > 0) {
    throw new Error(
      `Response of ${check.operation} does not match Kratos's OpenAPI schema:\n  ${check.errors.join('\n  ')}\nBody: ${JSON.stringify(body).slice(0, 2000)}`,
    );
  }
}
