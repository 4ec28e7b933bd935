// Form nodes from an identity schema (ui/container/container.go NodesFromJSONSchema and
// ui/node/attributes_input.go NewInputFieldFromSchema), and echoing JSON values into nodes
// (Container.UpdateNodeValuesFromJSON).
import { nodeLabelFromTitle } from '../text/node';
import { canonicalInputAttributes } from './attributes';
import { findNode, upsertNode } from './container';
import { formTypeFor, inputNode, inputNodeFromValue } from './nodes';
import { listSchemaPaths } from './schema-paths';
import type { SchemaPath } from './schema-paths';
import type { UiContainer, UiInputNode, UiNodeAutocomplete, UiNodeGroup, UiNodeInputType } from './types';

/** Kratos caps enum options per node so one schema cannot bloat every flow. */
const MAX_ENUM_OPTIONS = 500;

export interface NodesFromSchemaOptions {
  group: UiNodeGroup;
  /** Prepended to every path name with a dot. Kratos passes "" with the whole identity schema. */
  prefix?: string;
  /** Current traits; echoed into `traits.*` nodes like UpdateNodeValuesFromJSON(traits, "traits", group). */
  traits?: unknown;
  /** Set `required` from the schema's `required` lists (Kratos always does). */
  requiredFromSchema?: boolean;
}

const FORMATS: Record<string, { type: UiNodeInputType; autocomplete?: UiNodeAutocomplete }> = {
  'date-time': { type: 'datetime-local' },
  email: { type: 'email', autocomplete: 'email' },
  tel: { type: 'tel', autocomplete: 'tel' },
  date: { type: 'date' },
  uri: { type: 'url', autocomplete: 'url' },
  regex: { type: 'text' },
};

function prototypeValue(p: SchemaPath): unknown {
  if (p.kind === 'number') return 0;
  if (p.kind === 'bool') return false;
  return undefined;
}

/** NewInputFieldFromSchema. `name` is the node name (prefix applied), the path name decides the type. */
export function inputNodeFromSchemaPath(
  name: string,
  group: UiNodeGroup,
  p: SchemaPath,
  required = true,
): UiInputNode {
  let type = formTypeFor(p.name, prototypeValue(p));
  let autocomplete: UiNodeAutocomplete | undefined;
  const byFormat = p.format ? FORMATS[p.format] : undefined;
  if (byFormat) {
    type = byFormat.type;
    autocomplete = byFormat.autocomplete;
  }
  return inputNode(group, name, {
    type,
    autocomplete,
    required: required && p.required,
    pattern: p.pattern,
    options: p.enum?.slice(0, MAX_ENUM_OPTIONS).map((value) => ({ value })),
    label: p.title ? nodeLabelFromTitle(p.title, name) : undefined,
  });
}

/** One input per typed leaf of the schema, in path-name order (Kratos sorts them by flow afterwards). */
export function nodesFromJsonSchema(schema: unknown, o: NodesFromSchemaOptions): UiInputNode[] {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return [];
  const nodes: UiInputNode[] = [];
  for (const p of listSchemaPaths(schema as Record<string, unknown>)) {
    if (p.isJson) continue;
    const name = o.prefix ? `${o.prefix}.${p.name}` : p.name;
    nodes.push(inputNodeFromSchemaPath(name, o.group, p, o.requiredFromSchema ?? true));
  }
  if (o.traits !== undefined) {
    const c: UiContainer = { action: '', method: 'POST', nodes };
    updateNodeValuesFromJson(c, o.traits, 'traits', o.group);
    return c.nodes as UiInputNode[];
  }
  return nodes;
}

/** jsonx.Flatten: leaf values of a JSON object under dotted keys (dots in keys escaped, arrays by index). */
export function flattenJson(value: unknown): [string, unknown][] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const out: [string, unknown][] = [];
  const walk = (v: unknown, parents: string[]): void => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...parents, String(i)]));
    else if (typeof v === 'object' && v !== null) {
      for (const [k, x] of Object.entries(v)) walk(x, [...parents, k.replace(/\./g, '\\.')]);
    } else out.push([parents.join('.'), v]);
  };
  walk(value, []);
  return out;
}

/**
 * Container.UpdateNodeValuesFromJSON: sets each flattened value on the node of that name (moving it to
 * `group`), or adds an input typed after the value. Kratos walks a Go map here; this walks document order.
 */
export function updateNodeValuesFromJson(
  c: UiContainer,
  raw: unknown,
  prefix: string,
  group: UiNodeGroup,
): void {
  for (const [key, value] of flattenJson(raw)) {
    const name = prefix ? `${prefix}.${key}` : key;
    const node = findNode(c, name);
    if (node) {
      if (node.attributes.node_type === 'input') {
        node.attributes = canonicalInputAttributes({ ...node.attributes, value });
      }
      node.group = group;
      continue;
    }
    upsertNode(c, inputNodeFromValue(name, value, group));
  }
}
