// Node builders (ui/node/attributes_input.go, attributes_input_csrf.go). Every builder returns a node in
// Kratos's key order; pass a `label` to set `meta.label`.
import { randomUUID } from 'node:crypto';
import type { UiText } from '../text/message';
import { canonicalAttributes, canonicalInputAttributes } from './attributes';
import type {
  UiAnchorNode,
  UiDivisionNode,
  UiImageNode,
  UiInputNode,
  UiNodeAutocomplete,
  UiNodeGroup,
  UiNodeInputOption,
  UiNodeInputType,
  UiScriptNode,
  UiTextNode,
  WebAuthnTrigger,
} from './types';

export const CSRF_TOKEN_NAME = 'csrf_token';

export interface InputNodeOptions {
  type?: UiNodeInputType;
  value?: unknown;
  required?: boolean;
  autocomplete?: UiNodeAutocomplete;
  /** meta.label, the label UIs show. */
  label?: UiText;
  /** attributes.label (rarely used by Kratos; most labels live in meta). */
  attributeLabel?: UiText;
  pattern?: string;
  disabled?: boolean;
  onclick?: string;
  onclickTrigger?: WebAuthnTrigger;
  onload?: string;
  onloadTrigger?: WebAuthnTrigger;
  maxlength?: number;
  options?: UiNodeInputOption[];
  messages?: UiText[];
}

function meta(label: UiText | undefined): { label?: UiText } {
  return label ? { label } : {};
}

/** An input node (NewInputField); `type` defaults to text. */
export function inputNode(group: UiNodeGroup, name: string, o: InputNodeOptions = {}): UiInputNode {
  return {
    type: 'input',
    group,
    attributes: canonicalInputAttributes({
      name,
      type: o.type ?? 'text',
      value: o.value,
      required: o.required,
      autocomplete: o.autocomplete,
      label: o.attributeLabel,
      pattern: o.pattern,
      disabled: o.disabled ?? false,
      onclick: o.onclick,
      onclickTrigger: o.onclickTrigger,
      onload: o.onload,
      onloadTrigger: o.onloadTrigger,
      maxlength: o.maxlength,
      options: o.options,
    }),
    messages: o.messages ?? [],
    meta: meta(o.label),
  };
}

/** A submit button: `name` (usually "method") with its value and label. */
export function submitNode(group: UiNodeGroup, name: string, value: unknown, label: UiText): UiInputNode {
  return inputNode(group, name, { type: 'submit', value, label });
}

/** The hidden csrf_token input every browser flow carries (NewCSRFNode). */
export function csrfNode(token: string): UiInputNode {
  return inputNode('default', CSRF_TOKEN_NAME, { type: 'hidden', value: token, required: true });
}

/** The form type Kratos infers from a field name and a JSON value (toFormType). */
export function formTypeFor(name: string, value: unknown): UiNodeInputType {
  if (name === CSRF_TOKEN_NAME) return 'hidden';
  if (name === 'password') return 'password';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'checkbox';
  return 'text';
}

/** An input whose type follows its value (NewInputFieldFromJSON), used when echoing submitted fields. */
export function inputNodeFromValue(name: string, value: unknown, group: UiNodeGroup): UiInputNode {
  return inputNode(group, name, { type: formTypeFor(name, value), value });
}

export function textNode(group: UiNodeGroup, id: string, text: UiText | null, label?: UiText): UiTextNode {
  return {
    type: 'text',
    group,
    attributes: { text, id, node_type: 'text' },
    messages: [],
    meta: meta(label),
  };
}

export interface ImageNodeOptions {
  width?: number;
  height?: number;
  label?: UiText;
}

export function imgNode(group: UiNodeGroup, id: string, src: string, o: ImageNodeOptions = {}): UiImageNode {
  return {
    type: 'img',
    group,
    attributes: { src, id, width: o.width ?? 0, height: o.height ?? 0, node_type: 'img' },
    messages: [],
    meta: meta(o.label),
  };
}

export function aNode(
  group: UiNodeGroup,
  id: string,
  href: string,
  title: UiText | null,
  label?: UiText,
): UiAnchorNode {
  return {
    type: 'a',
    group,
    attributes: { href, title, id, node_type: 'a' },
    messages: [],
    meta: meta(label),
  };
}

export interface ScriptNodeOptions {
  integrity?: string;
  /** Kratos generates a fresh UUID per node. */
  nonce?: string;
  label?: UiText;
}

/** A script node (NewScriptField): async, no-referrer, anonymous CORS, text/javascript. */
export function scriptNode(
  group: UiNodeGroup,
  id: string,
  src: string,
  o: ScriptNodeOptions = {},
): UiScriptNode {
  return {
    type: 'script',
    group,
    attributes: {
      src,
      async: true,
      referrerpolicy: 'no-referrer',
      crossorigin: 'anonymous',
      integrity: o.integrity ?? '',
      type: 'text/javascript',
      id,
      nonce: o.nonce ?? randomUUID(),
      node_type: 'script',
    },
    messages: [],
    meta: meta(o.label),
  };
}

export interface DivisionNodeOptions {
  class?: string;
  data?: Record<string, string>;
  label?: UiText;
}

export function divNode(group: UiNodeGroup, id: string, o: DivisionNodeOptions = {}): UiDivisionNode {
  return {
    type: 'div',
    group,
    attributes: canonicalAttributes({
      class: o.class,
      id,
      data: o.data,
      node_type: 'div',
    }) as UiDivisionNode['attributes'],
    messages: [],
    meta: meta(o.label),
  };
}
