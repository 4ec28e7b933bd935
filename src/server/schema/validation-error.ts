// Turns ajv's flat error list into the error tree ory/jsonschema produces, with its message texts
// ("I[#/traits/email] S[#/properties/traits/properties/email/format] "x" is not valid "email""), because
// Kratos puts that text into 400 reasons and derives UI messages from the leaves.
import type { ErrorObject } from 'ajv';

export interface SchemaValidationLeaf {
  instancePtr: string;
  schemaPtr: string;
  keyword: string;
  message: string;
  /** Keyword-specific facts for UI messages: limit, actual, missing, pattern, format, allowed... */
  params: Record<string, unknown>;
}

export interface SchemaValidationNode {
  instancePtr: string;
  schemaPtr: string;
  message: string;
  keyword: string;
  params: Record<string, unknown>;
  causes: SchemaValidationNode[];
}

export class SchemaValidationError extends Error {
  constructor(readonly tree: SchemaValidationNode) {
    super(formatNode(tree));
    this.name = 'SchemaValidationError';
  }

  /** Every leaf (keyword) error, in tree order. */
  leaves(): SchemaValidationLeaf[] {
    const out: SchemaValidationLeaf[] = [];
    const walk = (n: SchemaValidationNode): void => {
      if (n.causes.length === 0) out.push(n);
      n.causes.forEach(walk);
    };
    walk(this.tree);
    return out;
  }
}

export function formatNode(n: SchemaValidationNode): string {
  let msg = `I[${n.instancePtr}] S[${n.schemaPtr}] ${n.message}`;
  for (const c of n.causes) for (const line of formatNode(c).split('\n')) msg += `\n  ${line}`;
  return msg;
}

/** Steps into subschemas that move both instance and schema pointers (ory's addContext). */
const DESCENT = new Set([
  'properties',
  'patternProperties',
  'items',
  'additionalProperties',
  'additionalItems',
]);

interface Step {
  inst: string;
  schema: string[];
}
interface Prepared {
  steps: Step[];
  leaf: SchemaValidationLeaf;
}

export function buildValidationError(errors: ErrorObject[]): SchemaValidationError | undefined {
  const prepared = mergeSiblings(errors.map(prepare).filter((p): p is Prepared => p !== undefined));
  if (prepared.length === 0) return undefined;
  const tree = group(prepared, '#', '#', 0);
  return tree ? new SchemaValidationError(tree) : undefined;
}

function prepare(e: ErrorObject): Prepared | undefined {
  if (e.keyword === 'if' || e.keyword === '$ref') return undefined; // ajv reports the branch errors too
  const inst = e.instancePath.split('/').slice(1).map(unescapePtr);
  const schema = e.schemaPath.replace(/^#\/?/, '').split('/').filter(Boolean);
  const steps: Step[] = [];
  let i = 0;
  let consumed = 0;
  while (i < schema.length) {
    const seg = schema[i] as string;
    if (
      DESCENT.has(seg) &&
      consumed < inst.length &&
      !(seg === 'additionalProperties' && i === schema.length - 1)
    ) {
      const withName =
        seg === 'properties' ||
        seg === 'patternProperties' ||
        (seg === 'items' && /^\d+$/.test(schema[i + 1] ?? ''));
      const take = withName ? 2 : 1;
      steps.push({ inst: inst[consumed] as string, schema: schema.slice(i, i + take) });
      consumed++;
      i += take;
    } else break;
  }
  const keywordPath = schema.slice(i);
  const instancePtr = ptr(inst.map(escapePtr));
  const schemaPtr = ptr(schema.slice(0, i).concat(keywordPath));
  return { steps, leaf: translate(e, instancePtr, schemaPtr) };
}

/** ajv reports one error per missing or extra property; ory reports one per keyword. */
function mergeSiblings(list: Prepared[]): Prepared[] {
  const out: Prepared[] = [];
  const byKey = new Map<string, Prepared>();
  for (const p of list) {
    const k = p.leaf.keyword;
    if (k !== 'required' && k !== 'additionalProperties') {
      out.push(p);
      continue;
    }
    const key = `${k}|${p.leaf.instancePtr}|${p.leaf.schemaPtr}`;
    const prev = byKey.get(key);
    if (!prev) {
      byKey.set(key, p);
      out.push(p);
      continue;
    }
    const listKey = k === 'required' ? 'missing' : 'properties';
    const names = [...(prev.leaf.params[listKey] as string[]), ...(p.leaf.params[listKey] as string[])];
    prev.leaf.params[listKey] = names;
    prev.leaf.message =
      k === 'required'
        ? `missing properties: ${names.map(quote).join(', ')}`
        : `additionalProperties ${names.map(quote).join(', ')} not allowed`;
  }
  return out;
}

function group(
  items: Prepared[],
  instancePtr: string,
  schemaPtr: string,
  depth: number,
): SchemaValidationNode | undefined {
  const results: SchemaValidationNode[] = [];
  const children = new Map<string, Prepared[]>();
  for (const it of items) {
    const step = it.steps[depth];
    if (!step) {
      results.push({ ...it.leaf, causes: [] });
      continue;
    }
    const key = JSON.stringify([step.inst, step.schema]);
    const list = children.get(key) ?? [];
    list.push(it);
    children.set(key, list);
  }
  for (const [key, list] of children) {
    const [inst, schema] = JSON.parse(key) as [string, string[]];
    const node = group(
      list,
      join(instancePtr, escapePtr(inst)),
      join(schemaPtr, schema.join('/')),
      depth + 1,
    );
    if (node) results.push(node);
  }
  if (results.length === 0) return undefined;
  if (results.length === 1) return results[0];
  return { instancePtr, schemaPtr, message: 'validation failed', keyword: '', params: {}, causes: results };
}

function translate(e: ErrorObject, instancePtr: string, schemaPtr: string): SchemaValidationLeaf {
  const p = e.params as Record<string, unknown>;
  const data = e.data;
  const leaf = (message: string, params: Record<string, unknown> = {}): SchemaValidationLeaf => ({
    instancePtr,
    schemaPtr,
    keyword: e.keyword,
    message,
    params,
  });
  switch (e.keyword) {
    case 'type':
      return leaf(`expected ${String(p.type).split(',').join(' or ')}, but got ${jsonType(data)}`, {
        allowed: String(p.type),
        actual: jsonType(data),
      });
    case 'required':
      return leaf(`missing properties: ${quote(String(p.missingProperty))}`, {
        missing: [String(p.missingProperty)],
      });
    case 'additionalProperties':
      return leaf(`additionalProperties ${quote(String(p.additionalProperty))} not allowed`, {
        properties: [String(p.additionalProperty)],
      });
    case 'minLength':
    case 'maxLength': {
      const actual = typeof data === 'string' ? [...data].length : 0;
      const op = e.keyword === 'minLength' ? '>=' : '<=';
      return leaf(`length must be ${op} ${String(p.limit)}, but got ${actual}`, { limit: p.limit, actual });
    }
    case 'pattern':
      return leaf(`does not match pattern ${quote(String(p.pattern))}`, { pattern: p.pattern });
    case 'format':
      return leaf(`${quote(String(data))} is not valid ${quote(String(p.format))}`, {
        format: p.format,
        value: data,
      });
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const op = { minimum: '>=', maximum: '<=', exclusiveMinimum: '>', exclusiveMaximum: '<' }[e.keyword];
      return leaf(`must be ${op} ${String(p.limit)} but found ${String(data)}`, {
        limit: p.limit,
        actual: data,
      });
    }
    case 'multipleOf':
      return leaf(`${String(data)} not multipleOf ${String(p.multipleOf)}`, {
        base: p.multipleOf,
        actual: data,
      });
    case 'minItems':
    case 'maxItems': {
      const actual = Array.isArray(data) ? data.length : 0;
      const word = e.keyword === 'minItems' ? 'minimum' : 'maximum';
      return leaf(`${word} ${String(p.limit)} items allowed, but found ${actual} items`, {
        limit: p.limit,
        actual,
      });
    }
    case 'minProperties':
    case 'maxProperties': {
      const actual = data && typeof data === 'object' ? Object.keys(data).length : 0;
      const word = e.keyword === 'minProperties' ? 'minimum' : 'maximum';
      return leaf(`${word} ${String(p.limit)} properties allowed, but found ${actual} properties`, {
        limit: p.limit,
        actual,
      });
    }
    case 'uniqueItems':
      return leaf(`items at index ${String(p.j)} and ${String(p.i)} are equal`, { a: p.j, b: p.i });
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]) ?? [];
      const primitive = allowed.every((v) => v === null || typeof v !== 'object');
      const message = !primitive
        ? 'enum failed'
        : allowed.length === 1
          ? `value must be ${goSyntax(allowed[0])}`
          : `value must be one of ${allowed.map(goSyntax).join(', ')}`;
      return leaf(message, { allowed });
    }
    case 'const': {
      const c = p.allowedValue;
      return leaf(c !== null && typeof c === 'object' ? 'const failed' : `value must be ${goSyntax(c)}`, {
        expected: c,
      });
    }
    case 'not':
      return leaf('not failed');
    case 'anyOf':
      return leaf('anyOf failed');
    case 'oneOf':
      return leaf('oneOf failed');
    case 'dependencies':
    case 'dependentRequired':
      return leaf(
        `property ${quote(String(p.missingProperty))} is required, if ${quote(String(p.property))} property exists`,
      );
    default:
      return leaf(e.message ?? `${e.keyword} failed`);
  }
}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return 'number'; // ory/jsonschema calls every JSON number "number"
  return typeof v;
}

/** Go's %q for strings. */
export function quote(s: string): string {
  return JSON.stringify(s);
}

/** Go's %#v for JSON primitives. */
function goSyntax(v: unknown): string {
  if (typeof v === 'string') return quote(v);
  if (v === null) return '<nil>';
  return String(v);
}

function ptr(segs: string[]): string {
  return segs.length === 0 ? '#' : `#/${segs.join('/')}`;
}
function join(a: string, b: string): string {
  return b ? `${a}/${b}` : a;
}
function escapePtr(s: string): string {
  return s.replace(/~/g, '~0').replace(/\//g, '~1');
}
function unescapePtr(s: string): string {
  return s.replace(/~1/g, '/').replace(/~0/g, '~');
}
