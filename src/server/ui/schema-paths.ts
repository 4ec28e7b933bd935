// jsonschemax.ListPaths on a plain JSON schema: every typed path of the schema, named with dots, sorted by
// name. Local `$ref`s (#/definitions/..., #/$defs/...) are resolved; like ory/jsonschema for draft-07, a
// schema with `$ref` ignores its other keywords.
import { compareBytes } from '../text/message';

export type PathKind = 'string' | 'number' | 'bool' | 'json' | 'nil' | 'array';

export interface SchemaPath {
  name: string;
  /** undefined when the path has no single type (only listed because it has a default). */
  kind: PathKind | undefined;
  /** ListPaths' JSON type hint: objects, mixed arrays, 3+ types, non-scalar consts. Skipped by forms. */
  isJson: boolean;
  format?: string;
  pattern?: string;
  enum?: unknown[];
  title?: string;
  required: boolean;
  default?: unknown;
}

type Schema = Record<string, unknown>;

const isSchema = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

function resolvePointer(root: Schema, ref: string): Schema | undefined {
  if (ref === '#') return root;
  if (!ref.startsWith('#/')) return undefined; // remote refs are not followed
  let cur: unknown = root;
  for (const raw of ref.slice(2).split('/')) {
    const seg = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isSchema(cur) && !Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return isSchema(cur) ? cur : undefined;
}

function itemTypes(items: unknown, root: Schema): string[] {
  const list = Array.isArray(items) ? items : [items];
  const types: string[] = [];
  for (const is of list) {
    if (!isSchema(is)) continue;
    types.push(...typesOf(is));
    if (typeof is.$ref === 'string') {
      const target = resolvePointer(root, is.$ref);
      if (target) types.push(...typesOf(target));
    }
  }
  return types.filter((t, i) => i === 0 || t !== types[i - 1]); // slices.Compact
}

function typesOf(s: Schema): string[] {
  if (typeof s.type === 'string') return [s.type];
  return Array.isArray(s.type) ? s.type.filter((t): t is string => typeof t === 'string') : [];
}

function kindOf(s: Schema, root: Schema): { kind: PathKind | undefined; isJson: boolean } {
  if ('const' in s) {
    const c = s.const;
    if (typeof c === 'number') return { kind: 'number', isJson: false };
    if (typeof c === 'string') return { kind: 'string', isJson: false };
    if (typeof c === 'boolean') return { kind: 'bool', isJson: false };
    return { kind: c === null ? undefined : 'json', isJson: true };
  }
  const types = typesOf(s);
  if (types.length === 1) {
    switch (types[0]) {
      case 'null':
        return { kind: undefined, isJson: false };
      case 'boolean':
        return { kind: 'bool', isJson: false };
      case 'number':
      case 'integer':
        return { kind: 'number', isJson: false };
      case 'string':
        return { kind: 'string', isJson: false };
      case 'object':
        return { kind: 'json', isJson: true };
      case 'array': {
        if (s.items === undefined) return { kind: 'array', isJson: false };
        const its = itemTypes(s.items, root);
        if (its.length !== 1) return { kind: 'array', isJson: false };
        return ['boolean', 'number', 'integer', 'string'].includes(its[0] as string)
          ? { kind: 'array', isJson: false }
          : { kind: 'array', isJson: true };
      }
    }
    return { kind: undefined, isJson: false };
  }
  return { kind: undefined, isJson: types.length > 2 };
}

function keepsSiblingsOfRef(root: Schema): boolean {
  const dialect = typeof root.$schema === 'string' ? root.$schema : '';
  return dialect.includes('2019-09') || dialect.includes('2020-12');
}

export function listSchemaPaths(root: Schema): SchemaPath[] {
  const siblings = keepsSiblingsOfRef(root);
  const paths: SchemaPath[] = [];

  const visit = (
    raw: Schema,
    parent: Schema | undefined,
    parents: string[],
    ancestors: Set<Schema>,
  ): void => {
    if (ancestors.has(raw)) {
      throw new Error(`detected circular dependency in schema path: ${parents.join('.')}`);
    }
    const s: Schema = typeof raw.$ref === 'string' && !siblings ? { $ref: raw.$ref } : raw;
    const { kind, isJson } = kindOf(s, root);
    if ((kind !== undefined || isJson || s.default !== undefined) && parents.length > 0) {
      const name = parents[parents.length - 1] as string;
      const required = Array.isArray(parent?.required) && parent.required.includes(name);
      paths.push({
        name: parents.join('.'),
        kind,
        isJson,
        format: typeof s.format === 'string' ? s.format : undefined,
        pattern: typeof s.pattern === 'string' ? s.pattern : undefined,
        enum: Array.isArray(s.enum) ? s.enum : undefined,
        title: typeof s.title === 'string' ? s.title : undefined,
        required,
        default: s.default ?? undefined,
      });
    }
    const next = new Set(ancestors).add(raw);
    const sub = (child: unknown, names: string[]): void => {
      if (isSchema(child)) visit(child, s, names, next);
    };
    if (typeof s.$ref === 'string') {
      const target = resolvePointer(root, s.$ref);
      if (target) sub(target, parents);
    }
    sub(s.not, parents);
    sub(s.if, parents);
    sub(s.then, parents);
    sub(s.else, parents);
    for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
      const list = s[key];
      if (Array.isArray(list)) for (const c of list) sub(c, parents);
    }
    if (isSchema(s.properties)) {
      for (const [name, child] of Object.entries(s.properties)) sub(child, [...parents, name]);
    }
  };
  visit(root, undefined, [], new Set());
  return unique(paths);
}

/** makeUnique: one path per name; a later duplicate replaces an earlier one that has no default. */
function unique(paths: SchemaPath[]): SchemaPath[] {
  const sorted = [...paths].sort((a, b) => compareBytes(a.name, b.name)); // Array.sort is stable
  const byName = new Map<string, SchemaPath>();
  for (const p of sorted) {
    const cached = byName.get(p.name);
    if (!cached || cached.default === undefined) byName.set(p.name, p);
  }
  return [...byName.values()].sort((a, b) => compareBytes(a.name, b.name));
}
