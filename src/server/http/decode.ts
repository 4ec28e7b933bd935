// Decodes JSON bodies the way Go's encoding/json decodes them into Kratos's request structs: wrong types
// and (for strict decoders) unknown fields are 400s whose messages read like Go's; raw JSON fields accept
// anything. Specs describe the Go struct, not the OpenAPI document, because clients meet the Go behaviour.
import { badRequest } from '../errors/errors';

export type FieldSpec =
  | 'string'
  | 'bool'
  | 'int'
  | 'number'
  | 'raw'
  | 'uuid'
  | { struct: string; fields: Record<string, FieldSpec> }
  | { array: FieldSpec }
  | { map: FieldSpec };

export function decode<T>(value: unknown, spec: FieldSpec, opts: { strict?: boolean } = {}): T {
  check(value, spec, [], spec, opts.strict ?? false);
  return value as T;
}

const goType = (spec: FieldSpec): string => {
  if (typeof spec === 'string') {
    return {
      string: 'string',
      bool: 'bool',
      int: 'int',
      number: 'float64',
      raw: 'json.RawMessage',
      uuid: 'uuid.UUID',
    }[spec];
  }
  if ('struct' in spec) return `identity.${spec.struct}`;
  if ('array' in spec) return `[]${goType(spec.array)}`;
  return `map[string]${goType(spec.map)}`;
};

const jsonKind = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'boolean' ? 'bool' : typeof v;

function check(value: unknown, spec: FieldSpec, path: string[], root: FieldSpec, strict: boolean): void {
  if (value === null || value === undefined || spec === 'raw') return; // Go leaves null as the zero value
  const fail = (): never => {
    const where =
      path.length > 0 && typeof root === 'object' && 'struct' in root
        ? ` into Go struct field ${root.struct}.${path.join('.')} of type ${goType(spec)}`
        : ` into Go value of type ${goType(spec)}`;
    throw badRequest(undefined, { message: `json: cannot unmarshal ${jsonKind(value)}${where}` });
  };
  if (spec === 'string') return void (typeof value !== 'string' && fail());
  if (spec === 'bool') return void (typeof value !== 'boolean' && fail());
  if (spec === 'number') return void (typeof value !== 'number' && fail());
  if (spec === 'int') return void ((typeof value !== 'number' || !Number.isInteger(value)) && fail());
  if (spec === 'uuid') {
    if (typeof value !== 'string') fail();
    if (!/^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i.test(value as string)) {
      throw badRequest(undefined, {
        message: `uuid: incorrect UUID format in string ${JSON.stringify(value)}`,
      });
    }
    return;
  }
  if ('array' in spec) {
    if (!Array.isArray(value)) fail();
    (value as unknown[]).forEach((item) => check(item, spec.array, path, root, strict));
    return;
  }
  if (typeof value !== 'object' || Array.isArray(value)) fail();
  const obj = value as Record<string, unknown>;
  if ('map' in spec) {
    for (const [k, v] of Object.entries(obj)) check(v, spec.map, [...path, k], root, strict);
    return;
  }
  for (const [k, v] of Object.entries(obj)) {
    // hasOwn: a key like `__proto__` must not find Object.prototype as its spec.
    const field = Object.hasOwn(spec.fields, k) ? spec.fields[k] : undefined;
    if (field === undefined) {
      if (strict) throw badRequest(undefined, { message: `json: unknown field ${JSON.stringify(k)}` });
      continue;
    }
    check(v, field, [...path, k], root, strict);
  }
}
