// Reading an identity JSON Schema for the traits form: resolve local $refs, name fields from their titles,
// read the `ory.sh/kratos` extension, and check values the way the server will (so mistakes show before
// the round trip; the server's verdict still wins).

export type JsonSchema = {
  type?: string | string[];
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  $ref?: string;
  'ory.sh/kratos'?: KratosExtension;
  [key: string]: unknown;
};

export interface KratosExtension {
  credentials?: Record<string, { identifier?: boolean; via?: string }>;
  verification?: { via?: string };
  recovery?: { via?: string };
  organizations?: unknown;
}

export type FieldKind = 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'enum' | 'unknown';

/** Follows `#/…` references inside the root document (Kratos schemas use #/definitions and #/$defs). */
export function resolve(root: JsonSchema, node: JsonSchema | undefined, depth = 0): JsonSchema {
  if (!node) return {};
  if (!node.$ref || depth > 16) return node;
  if (!node.$ref.startsWith('#/')) return node;
  let target: unknown = root;
  for (const raw of node.$ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    target = target && typeof target === 'object' ? (target as Record<string, unknown>)[key] : undefined;
  }
  const { $ref: _ref, ...rest } = node;
  return resolve(root, { ...(target as JsonSchema), ...rest }, depth + 1);
}

/** The `traits` subschema of an identity schema. */
export function traitsSchema(identitySchema: JsonSchema): JsonSchema {
  return resolve(identitySchema, identitySchema.properties?.traits);
}

export function kindOf(node: JsonSchema): FieldKind {
  if (Array.isArray(node.enum) && node.enum.length > 0) return 'enum';
  const type = Array.isArray(node.type) ? node.type.find((t) => t !== 'null') : node.type;
  if (type === 'object' || (!type && node.properties)) return 'object';
  if (type === 'array') return 'array';
  if (type === 'string' || type === 'number' || type === 'integer' || type === 'boolean') return type;
  return 'unknown';
}

export function labelOf(key: string, node: JsonSchema): string {
  if (node.title) return node.title;
  const words = key
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Short badges for what Kratos does with a trait: login identifier, verification, recovery. */
export function extensionBadges(node: JsonSchema): string[] {
  const ext = node['ory.sh/kratos'];
  if (!ext) return [];
  const out: string[] = [];
  const identifierFor = Object.entries(ext.credentials ?? {})
    .filter(([, v]) => v?.identifier)
    .map(([k]) => k);
  if (identifierFor.length) out.push(`identifier: ${identifierFor.join(', ')}`);
  if (ext.verification?.via) out.push(`verification: ${ext.verification.via}`);
  if (ext.recovery?.via) out.push(`recovery: ${ext.recovery.via}`);
  return out;
}

export type Path = (string | number)[];

export function pointer(path: Path): string {
  return path.length === 0
    ? ''
    : `/${path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
}

export function getIn(value: unknown, path: Path): unknown {
  let cur = value;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return cur;
}

/** Immutable set; `undefined` removes the key (so a cleared optional field is absent, not ""). */
export function setIn(value: unknown, path: Path, next: unknown): unknown {
  if (path.length === 0) return next;
  const [head, ...rest] = path as [string | number, ...Path];
  if (typeof head === 'number') {
    const arr = Array.isArray(value) ? [...(value as unknown[])] : [];
    arr[head] = setIn(arr[head], rest, next);
    return arr;
  }
  const obj: Record<string, unknown> =
    value && typeof value === 'object' && !Array.isArray(value)
      ? { ...(value as Record<string, unknown>) }
      : {};
  const child = setIn(obj[head], rest, next);
  if (child === undefined) delete obj[head];
  else obj[head] = child;
  return obj;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Problems keyed by JSON pointer into traits ("" for the root). */
export function validate(
  root: JsonSchema,
  node: JsonSchema,
  value: unknown,
  path: Path = [],
): Record<string, string> {
  const s = resolve(root, node);
  const errors: Record<string, string> = {};
  const at = pointer(path);
  const kind = kindOf(s);
  if (value === undefined || value === null) return errors;
  if (kind === 'enum') {
    if (!(s.enum ?? []).some((e) => JSON.stringify(e) === JSON.stringify(value)))
      errors[at] = 'Choose one of the listed values';
    return errors;
  }
  if (kind === 'object' && typeof value === 'object' && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    for (const key of s.required ?? []) {
      if (obj[key] === undefined || obj[key] === '') errors[pointer([...path, key])] = 'Required';
    }
    for (const [key, child] of Object.entries(s.properties ?? {})) {
      Object.assign(errors, validate(root, child, obj[key], [...path, key]));
    }
    return errors;
  }
  if (kind === 'array' && Array.isArray(value)) {
    if (s.minItems !== undefined && value.length < s.minItems) errors[at] = `At least ${s.minItems} items`;
    if (s.maxItems !== undefined && value.length > s.maxItems) errors[at] = `At most ${s.maxItems} items`;
    value.forEach((item, i) => Object.assign(errors, validate(root, s.items ?? {}, item, [...path, i])));
    return errors;
  }
  if (kind === 'string' && typeof value === 'string') {
    const len = [...value].length;
    if (s.minLength !== undefined && len < s.minLength) errors[at] = `At least ${s.minLength} characters`;
    else if (s.maxLength !== undefined && len > s.maxLength) errors[at] = `At most ${s.maxLength} characters`;
    else if (s.format === 'email' && !EMAIL.test(value)) errors[at] = 'Not a valid email address';
    else if (s.format === 'date' && !DATE.test(value)) errors[at] = 'Use YYYY-MM-DD';
    else if ((s.format === 'uri' || s.format === 'url') && !isUrl(value)) errors[at] = 'Not a valid URL';
    else if (s.pattern && !safeRegex(s.pattern)?.test(value)) errors[at] = `Must match ${s.pattern}`;
    return errors;
  }
  if ((kind === 'number' || kind === 'integer') && typeof value === 'number') {
    if (kind === 'integer' && !Number.isInteger(value)) errors[at] = 'Must be a whole number';
    else if (s.minimum !== undefined && value < s.minimum) errors[at] = `At least ${s.minimum}`;
    else if (s.maximum !== undefined && value > s.maximum) errors[at] = `At most ${s.maximum}`;
  }
  return errors;
}

function isUrl(v: string): boolean {
  try {
    new URL(v);
    return true;
  } catch {
    return false;
  }
}

function safeRegex(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern, 'u');
  } catch {
    return undefined;
  }
}

/**
 * Kratos's validation reason names the failing trait: `I[#/traits/email] S[#/properties/…] expected string`.
 * Returns the pointer within traits and the message, or undefined when the reason is about something else.
 */
export function traitErrorFromReason(
  reason: string | undefined,
): { pointer: string; message: string } | undefined {
  const m = reason?.match(/I\[#\/traits((?:\/[^\]]*)?)\]\s*S\[[^\]]*\]\s*(.*)$/s);
  if (!m) return undefined;
  return { pointer: m[1] ?? '', message: (m[2] ?? '').trim() || 'Invalid value' };
}

/** Drops array holes left by cleared items, so `["a", undefined]` is sent as `["a"]`, not `["a", null]`. */
export function compact(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(compact);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, compact(v)]),
    );
  }
  return value;
}
