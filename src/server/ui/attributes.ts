// Canonical key order and omission rules, the way encoding/json marshals the Go structs: omitempty fields
// disappear when zero, `disabled` and `node_type` are always written, `value` only disappears when nil.
import type {
  UiContainer,
  UiNode,
  UiNodeAnchorAttributes,
  UiNodeAttributes,
  UiNodeDivisionAttributes,
  UiNodeImageAttributes,
  UiNodeInputAttributes,
  UiNodeMeta,
  UiNodeScriptAttributes,
  UiNodeTextAttributes,
} from './types';

type Writable = Record<string, unknown>;

function put(out: Writable, key: string, value: unknown, keep: boolean): void {
  if (keep) out[key] = value;
}

export function canonicalInputAttributes(a: Omit<UiNodeInputAttributes, 'node_type'>): UiNodeInputAttributes {
  const out: Writable = { name: a.name, type: a.type };
  put(out, 'value', a.value, a.value !== undefined && a.value !== null);
  put(out, 'required', true, a.required === true);
  put(out, 'autocomplete', a.autocomplete, !!a.autocomplete);
  put(out, 'label', a.label, !!a.label);
  put(out, 'pattern', a.pattern, !!a.pattern);
  out.disabled = a.disabled === true;
  put(out, 'onclick', a.onclick, !!a.onclick);
  put(out, 'onclickTrigger', a.onclickTrigger, !!a.onclickTrigger);
  put(out, 'onload', a.onload, !!a.onload);
  put(out, 'onloadTrigger', a.onloadTrigger, !!a.onloadTrigger);
  put(out, 'maxlength', a.maxlength, !!a.maxlength);
  put(out, 'options', a.options, !!a.options && a.options.length > 0);
  out.node_type = 'input';
  return out as unknown as UiNodeInputAttributes;
}

export function canonicalAttributes(a: UiNodeAttributes): UiNodeAttributes {
  switch (a.node_type) {
    case 'input':
      return canonicalInputAttributes(a);
    case 'text':
      return { text: a.text ?? null, id: a.id, node_type: 'text' } satisfies UiNodeTextAttributes;
    case 'img':
      return {
        src: a.src,
        id: a.id,
        width: a.width,
        height: a.height,
        node_type: 'img',
      } satisfies UiNodeImageAttributes;
    case 'a':
      return {
        href: a.href,
        title: a.title ?? null,
        id: a.id,
        node_type: 'a',
      } satisfies UiNodeAnchorAttributes;
    case 'script':
      return {
        src: a.src,
        async: a.async,
        referrerpolicy: a.referrerpolicy,
        crossorigin: a.crossorigin,
        integrity: a.integrity,
        type: a.type,
        id: a.id,
        nonce: a.nonce,
        node_type: 'script',
      } satisfies UiNodeScriptAttributes;
    case 'div': {
      const out: Writable = {};
      put(out, 'class', a.class, !!a.class);
      out.id = a.id;
      put(out, 'data', a.data, a.data !== undefined && a.data !== null);
      out.node_type = 'div';
      return out as unknown as UiNodeDivisionAttributes;
    }
  }
}

export function canonicalMeta(meta: UiNodeMeta | undefined): UiNodeMeta {
  return meta?.label ? { label: meta.label } : {};
}

/** A node with Kratos's key order; `type` follows the attributes like Node.MarshalJSON does. */
export function canonicalNode(node: UiNode): UiNode {
  return {
    type: node.attributes.node_type,
    group: node.group,
    attributes: canonicalAttributes(node.attributes),
    messages: [...(node.messages ?? [])],
    meta: canonicalMeta(node.meta),
  } as UiNode;
}

/** The container as Kratos serialises it: `messages` only when there are some. */
export function canonicalContainer(container: UiContainer): UiContainer {
  const out: UiContainer = {
    action: container.action,
    method: container.method,
    nodes: container.nodes.map(canonicalNode),
  };
  if (container.messages && container.messages.length > 0) out.messages = [...container.messages];
  return out;
}
