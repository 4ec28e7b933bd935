// UI container and node shapes (ui/container/container.go, ui/node/node.go, ui/node/attributes.go).
// Property order in these interfaces is the order Go marshals the structs; attributes.ts builds objects in
// exactly that order so JSON.stringify output is byte-identical to Kratos.
import type { UiText } from '../text/message';

export type UiNodeGroup =
  | 'default'
  | 'password'
  | 'oidc'
  | 'profile'
  | 'link'
  | 'code'
  | 'totp'
  | 'lookup_secret'
  | 'webauthn'
  | 'passkey'
  | 'identifier_first'
  | 'captcha'
  | 'saml'
  | 'deviceauthn';

export type UiNodeType = 'input' | 'text' | 'img' | 'a' | 'script' | 'div';

export type UiNodeInputType =
  | 'text'
  | 'password'
  | 'number'
  | 'checkbox'
  | 'hidden'
  | 'email'
  | 'tel'
  | 'submit'
  | 'button'
  | 'datetime-local'
  | 'date'
  | 'url';

export type UiNodeAutocomplete =
  | 'email'
  | 'tel'
  | 'url'
  | 'current-password'
  | 'new-password'
  | 'one-time-code'
  | 'username'
  | 'username webauthn';

/** JavaScript functions of Kratos's webauthn.js (x/webauthnx/js). */
export type WebAuthnTrigger =
  | 'oryWebAuthnRegistration'
  | 'oryWebAuthnLogin'
  | 'oryPasskeyLogin'
  | 'oryPasskeyLoginAutocompleteInit'
  | 'oryPasskeyRegistration'
  | 'oryPasskeySettingsRegistration';

export interface UiNodeInputOption {
  value: unknown;
}

export interface UiNodeInputAttributes {
  name: string;
  type: UiNodeInputType;
  /** Omitted when nil; "" and false are kept. */
  value?: unknown;
  /** Omitted when false. */
  required?: boolean;
  autocomplete?: UiNodeAutocomplete;
  label?: UiText;
  pattern?: string;
  disabled: boolean;
  onclick?: string;
  onclickTrigger?: WebAuthnTrigger;
  onload?: string;
  onloadTrigger?: WebAuthnTrigger;
  maxlength?: number;
  options?: UiNodeInputOption[];
  node_type: 'input';
}

export interface UiNodeTextAttributes {
  text: UiText | null;
  id: string;
  node_type: 'text';
}

export interface UiNodeImageAttributes {
  src: string;
  id: string;
  width: number;
  height: number;
  node_type: 'img';
}

export interface UiNodeAnchorAttributes {
  href: string;
  title: UiText | null;
  id: string;
  node_type: 'a';
}

export interface UiNodeScriptAttributes {
  src: string;
  async: boolean;
  referrerpolicy: string;
  crossorigin: string;
  integrity: string;
  type: string;
  id: string;
  nonce: string;
  node_type: 'script';
}

export interface UiNodeDivisionAttributes {
  class?: string;
  id: string;
  data?: Record<string, string>;
  node_type: 'div';
}

export type UiNodeAttributes =
  | UiNodeInputAttributes
  | UiNodeTextAttributes
  | UiNodeImageAttributes
  | UiNodeAnchorAttributes
  | UiNodeScriptAttributes
  | UiNodeDivisionAttributes;

export interface UiNodeMeta {
  label?: UiText;
}

interface NodeOf<T extends UiNodeType, A extends UiNodeAttributes> {
  type: T;
  group: UiNodeGroup;
  attributes: A;
  /** Always an array; Kratos writes [] for none. */
  messages: UiText[];
  /** Always an object; {} without a label. */
  meta: UiNodeMeta;
}

export type UiInputNode = NodeOf<'input', UiNodeInputAttributes>;
export type UiTextNode = NodeOf<'text', UiNodeTextAttributes>;
export type UiImageNode = NodeOf<'img', UiNodeImageAttributes>;
export type UiAnchorNode = NodeOf<'a', UiNodeAnchorAttributes>;
export type UiScriptNode = NodeOf<'script', UiNodeScriptAttributes>;
export type UiDivisionNode = NodeOf<'div', UiNodeDivisionAttributes>;

export type UiNode = UiInputNode | UiTextNode | UiImageNode | UiAnchorNode | UiScriptNode | UiDivisionNode;

export interface UiContainer {
  action: string;
  method: string;
  nodes: UiNode[];
  /** Omitted when empty. */
  messages?: UiText[];
}
