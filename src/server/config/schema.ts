// Kratos's own configuration JSON schema, compiled once: validates kratos.yml and lists the key paths that
// Kratos-style environment variables may address.
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readResourceJson } from '../resources';

type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema | JsonSchema[];
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  definitions?: Record<string, JsonSchema>;
};

export type EnvTypeHint =
  'string' | 'number' | 'integer' | 'boolean' | 'string[]' | 'number[]' | 'boolean[]' | 'json';

export interface ConfigKeyPath {
  /** Dotted path; `#` stands for an array index (e.g. `identity.schemas.#.id`). */
  path: string;
  hint: EnvTypeHint;
}

export interface ConfigSchema {
  validate: ValidateFunction;
  paths: ConfigKeyPath[];
}

let compiled: ConfigSchema | undefined;

export function configSchema(): ConfigSchema {
  if (compiled) return compiled;
  const ajv = new Ajv({ strict: false, allErrors: true, verbose: true, validateFormats: true });
  addFormats(ajv);
  ajv.addFormat('duration', /^[0-9]+(ns|us|ms|s|m|h)$/);
  const tracing = readResourceJson<object>('kratos/tracing-config.schema.json');
  const schema = readResourceJson<JsonSchema>('kratos/config.schema.json');
  ajv.addSchema(tracing);
  const validate = ajv.compile(schema);
  compiled = { validate, paths: listPaths(schema) };
  return compiled;
}

export type ConfigValidationError = ErrorObject;

/** Walks the schema the way ory/x jsonschemax lists paths: object properties by name, array items as `#`. */
function listPaths(root: JsonSchema): ConfigKeyPath[] {
  const out: ConfigKeyPath[] = [];
  const seen = new Set<string>();

  const resolveRef = (s: JsonSchema): JsonSchema => {
    let cur = s;
    for (let i = 0; i < 10 && cur.$ref?.startsWith('#/definitions/'); i++) {
      cur = root.definitions?.[cur.$ref.slice('#/definitions/'.length)] ?? {};
    }
    return cur;
  };

  const typeOf = (s: JsonSchema): string | undefined => {
    const t = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
    if (t) return t;
    if (s.properties) return 'object';
    const branch = s.oneOf ?? s.anyOf ?? s.allOf;
    return branch ? branch.map((b) => typeOf(resolveRef(b))).find(Boolean) : undefined;
  };

  const walk = (node: JsonSchema, prefix: string, depth: number): void => {
    const s = resolveRef(node);
    if (depth > 12) return;
    const t = typeOf(s);
    if (prefix && !seen.has(prefix)) {
      seen.add(prefix);
      out.push({ path: prefix, hint: hintFor(s, t, resolveRef) });
    }
    const props: Record<string, JsonSchema> = { ...(s.properties ?? {}) };
    for (const branch of [...(s.oneOf ?? []), ...(s.anyOf ?? []), ...(s.allOf ?? [])]) {
      Object.assign(props, resolveRef(branch).properties ?? {});
    }
    for (const [name, child] of Object.entries(props))
      walk(child, prefix ? `${prefix}.${name}` : name, depth + 1);
    if (t === 'array' && s.items && !Array.isArray(s.items)) walk(s.items, `${prefix}.#`, depth + 1);
  };

  walk(root, '', 0);
  return out;
}

function hintFor(
  s: JsonSchema,
  t: string | undefined,
  resolveRef: (s: JsonSchema) => JsonSchema,
): EnvTypeHint {
  switch (t) {
    case 'string':
      return 'string';
    case 'integer':
      return 'integer';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'array': {
      const items = s.items && !Array.isArray(s.items) ? resolveRef(s.items) : undefined;
      const it = items && (Array.isArray(items.type) ? items.type[0] : items.type);
      if (it === 'string') return 'string[]';
      if (it === 'number' || it === 'integer') return 'number[]';
      if (it === 'boolean') return 'boolean[]';
      return 'json';
    }
    default:
      return 'json';
  }
}
