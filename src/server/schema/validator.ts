// Compiles identity schemas with ajv and validates identities against them; walks the `ory.sh/kratos`
// extension to find the values that become credential identifiers and addresses.
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readResourceJson } from '../resources';
import { addKratosFormats } from './formats';
import type { JsonObject, KratosExtension } from './model';
import { buildValidationError, type SchemaValidationError } from './validation-error';

const EXTENSION = 'ory.sh/kratos';

export function newAjv(): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true, verbose: true, validateFormats: true });
  addFormats(ajv);
  addKratosFormats(ajv);
  return ajv;
}

let metaValidator: ValidateFunction | undefined;

/** Validates an identity schema against Kratos's identity meta-schema; returns the error text or undefined. */
export function checkAgainstMetaSchema(schema: unknown): string | undefined {
  if (!metaValidator) {
    const ajv = newAjv();
    const extension = readResourceJson<JsonObject>('kratos/identity_extension.schema.json');
    ajv.addSchema(extension);
    const meta = readResourceJson<JsonObject>('kratos/identity_meta.schema.json');
    delete meta.$schema;
    metaValidator = ajv.compile(meta);
  }
  if (metaValidator(schema)) return undefined;
  return buildValidationError(metaValidator.errors ?? [])?.message ?? 'invalid identity schema';
}

export interface CompiledSchema {
  validate(document: unknown): SchemaValidationError | undefined;
}

export function compileIdentitySchema(json: JsonObject): CompiledSchema {
  const copy = structuredClone(json);
  // ajv caches by $id and knows only its own drafts; identity schemas are validated as draft-07.
  delete copy.$id;
  delete copy.$schema;
  const fn = newAjv().compile(copy);
  return {
    validate(document) {
      return fn(document) ? undefined : buildValidationError(fn.errors ?? []);
    },
  };
}

export interface ExtensionHit {
  extension: KratosExtension;
  value: unknown;
  /** The schema node carrying the extension (its `format` decides normalisation). */
  node: JsonObject;
  /** JSON pointer of the value, e.g. `#/traits/email`. */
  pointer: string;
}

/** Every (value, extension) pair in a document, in schema property order. */
export function walkExtensions(schema: JsonObject, document: unknown): ExtensionHit[] {
  const hits: ExtensionHit[] = [];
  const seen = new Set<string>();
  const resolve = (node: JsonObject, depth: number): JsonObject => {
    let cur = node;
    for (let i = 0; i < 16 && typeof cur.$ref === 'string' && cur.$ref.startsWith('#/'); i++) {
      const target = cur.$ref
        .slice(2)
        .split('/')
        .reduce<unknown>(
          (acc, seg) => (acc && typeof acc === 'object' ? (acc as JsonObject)[seg] : undefined),
          schema,
        );
      if (!target || typeof target !== 'object' || depth > 32) break;
      cur = target as JsonObject;
    }
    return cur;
  };
  const walk = (raw: JsonObject, value: unknown, pointer: string, depth: number): void => {
    if (depth > 32 || value === undefined) return;
    const node = resolve(raw, depth);
    const ext = node[EXTENSION];
    if (ext && typeof ext === 'object') {
      const key = `${pointer}|${JSON.stringify(ext)}`;
      if (!seen.has(key)) {
        seen.add(key);
        hits.push({ extension: ext as KratosExtension, value, node, pointer });
      }
    }
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && node.properties) {
      for (const [name, child] of Object.entries(node.properties as Record<string, JsonObject>)) {
        if (Object.hasOwn(value, name))
          walk(child, (value as JsonObject)[name], `${pointer}/${name}`, depth + 1);
      }
    }
    if (Array.isArray(value) && node.items && typeof node.items === 'object') {
      value.forEach((item, i) => {
        const itemSchema = Array.isArray(node.items)
          ? (node.items as JsonObject[])[i]
          : (node.items as JsonObject);
        if (itemSchema) walk(itemSchema, item, `${pointer}/${i}`, depth + 1);
      });
    }
    for (const key of ['allOf', 'anyOf', 'oneOf']) {
      const branches = node[key];
      if (Array.isArray(branches))
        for (const b of branches as JsonObject[]) walk(b, value, pointer, depth + 1);
    }
  };
  walk(schema, document, '#', 0);
  return hits;
}
