// Node ordering (ui/node/node.go SortBySchema and selfservice/flow/{login,registration,settings}/sort.go).
import { compareBytes } from '../text/message';
import { nodeId, nodeValue } from './container';
import { sliceStable } from './go-sort';
import { goValueString } from './go-value';
import type { UiNode, UiNodeGroup } from './types';

export interface SortOptions {
  /** Group order; groups not listed sort before all listed ones (their index is -1 in Kratos). */
  groups?: UiNodeGroup[];
  /** Identity schema whose leaf property order (see schemaKeysInOrder) is appended to keysInOrder. */
  schema?: unknown;
  keysInOrder?: string[];
  /** Rewrites the key list after the schema keys were added (SortUpdateOrder). */
  updateOrder?: (keys: string[]) => string[];
  keysInOrderAppend?: string[];
  /** Groups whose nodes keep their incoming order on ties instead of comparing values. */
  stableGroups?: UiNodeGroup[];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * schema.GetKeysInOrder: every non-object property path in document order, dots in names escaped. Like
 * Kratos it reads the raw schema, without resolving `$ref`.
 */
export function schemaKeysInOrder(schema: unknown): string[] {
  const out: string[] = [];
  const walk = (s: unknown, parents: string[]): void => {
    if (isObject(s) && s.type === 'object') {
      if (isObject(s.properties)) {
        for (const [key, value] of Object.entries(s.properties))
          walk(value, [...parents, key.replace(/\./g, '\\.')]);
      }
      return;
    }
    out.push(parents.join('.'));
  };
  walk(schema, []);
  return out;
}

/** Sorts in place exactly like Nodes.SortBySchema. */
export function sortNodes(nodes: UiNode[], o: SortOptions): void {
  let keys = [...(o.keysInOrder ?? [])];
  if (o.schema !== undefined) keys.push(...schemaKeysInOrder(o.schema));
  if (o.updateOrder) keys = o.updateOrder(keys);
  keys.push(...(o.keysInOrderAppend ?? []));

  const total = nodes.length;
  const position = (node: UiNode): number => {
    const id = nodeId(node);
    if (id === 'method') return total + keys.length + 1; // the submit button always goes last
    const i = keys.findIndex((k) => id.startsWith(k));
    return i >= 0 ? i : keys.length;
  };

  const groups = o.groups ?? [];
  if (groups.length > 0) {
    sliceStable(nodes, (a, b) => groups.indexOf(a.group) < groups.indexOf(b.group));
  }
  const stable = o.stableGroups ?? [];
  sliceStable(nodes, (a, b) => {
    const related =
      a.group === b.group ||
      (a.group === 'default' && b.group === 'password') ||
      (a.group === 'password' && b.group === 'default');
    if (!related) return false;
    const pa = position(a);
    const pb = position(b);
    if (pa !== pb) return pa < pb;
    if (a.group === b.group && stable.includes(a.group)) return false;
    return compareBytes(goValueString(nodeValue(a)), goValueString(nodeValue(b))) < 0;
  });
}

/** ui/node/helper.go PasswordLoginOrder: csrf_token first, then the first key, then password. */
export function passwordLoginOrder(keys: string[]): string[] {
  if (keys.length === 0) return ['csrf_token', 'password'];
  if (keys.length === 1) return ['csrf_token', keys[0] as string, 'password'];
  return ['csrf_token', keys[0] as string, 'password', ...keys.slice(1)];
}

export function sortLoginNodes(nodes: UiNode[]): void {
  sortNodes(nodes, {
    groups: ['oidc', 'default', 'webauthn', 'passkey', 'code', 'password', 'totp', 'lookup_secret'],
    keysInOrder: ['csrf_token', 'identifier', 'password'],
  });
}

/** `schema` is the identity schema of the flow (its traits order decides the order of the trait inputs). */
export function sortRegistrationNodes(nodes: UiNode[], schema: unknown): void {
  sortNodes(nodes, {
    schema,
    groups: ['oidc', 'saml', 'default', 'webauthn', 'passkey', 'code', 'password', 'captcha', 'profile'],
    updateOrder: passwordLoginOrder,
    keysInOrderAppend: ['webauthn_remove', 'webauthn_register_displayname', 'webauthn_register'],
  });
}

export function sortSettingsNodes(nodes: UiNode[], schema: unknown): void {
  sortNodes(nodes, {
    schema,
    groups: ['default', 'profile', 'password', 'oidc', 'lookup_secret', 'webauthn', 'passkey', 'totp'],
    stableGroups: ['deviceauthn'],
    keysInOrderAppend: [
      'lookup_secret_reveal',
      'lookup_secret_regenerate',
      'lookup_secret_codes',
      'lookup_secret_confirm',
      'webauthn_remove',
      'webauthn_register_displayname',
      'webauthn_register',
      'passkey_remove',
      'passkey_register',
      'totp_qr',
      'totp_secret_key',
      'totp_unlink',
      'totp_code',
    ],
  });
}
