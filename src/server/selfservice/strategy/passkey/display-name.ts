// The passkey's display name (selfservice/strategy/passkey/passkey_schema_extension.go): the traits the
// identity schema marks with `passkey.display_name` or `webauthn.identifier` name the credential in the
// browser. The registration script reads it from those form fields; settings take it from the identity.
import type { JsonObject, KratosExtension } from '../../../schema/model';
import { walkExtensions } from '../../../schema/validator';
import { compareBytes } from '../../../text/message';
import { listSchemaPaths } from '../../../ui/schema-paths';

const EXTENSION = 'ory.sh/kratos';

function resolve(root: JsonObject, node: JsonObject): JsonObject {
  let cur = node;
  for (let i = 0; i < 16 && typeof cur.$ref === 'string' && cur.$ref.startsWith('#/'); i++) {
    const target = cur.$ref
      .slice(2)
      .split('/')
      .reduce<unknown>(
        (acc, seg) => (acc && typeof acc === 'object' ? (acc as JsonObject)[seg] : undefined),
        root,
      );
    if (!target || typeof target !== 'object') break;
    cur = target as JsonObject;
  }
  return cur;
}

const flagged = (ext: KratosExtension | undefined): boolean =>
  Boolean(ext?.credentials?.webauthn?.identifier || ext?.credentials?.passkey?.display_name);

/**
 * PasskeyDisplayNameFromSchema: every flagged trait path, sorted; without any, the first untitled trait
 * (ListPaths order); undefined when there is none (the passkey method then offers no registration).
 */
export function displayNameFields(schema: JsonObject): string[] | undefined {
  const found: string[] = [];
  const walk = (raw: JsonObject, name: string, depth: number): void => {
    if (depth > 32) return;
    const node = resolve(schema, raw);
    if (name !== '' && flagged(node[EXTENSION] as KratosExtension | undefined)) found.push(name);
    const props = node.properties;
    if (props && typeof props === 'object') {
      for (const [key, child] of Object.entries(props as Record<string, JsonObject>)) {
        if (child && typeof child === 'object') walk(child, name ? `${name}.${key}` : key, depth + 1);
      }
    }
  };
  walk(schema, '', 0);
  if (found.length > 0) return [...new Set(found)].sort((a, b) => compareBytes(a, b));
  const untitled = listSchemaPaths(schema).find((p) => p.name.startsWith('traits.') && !p.title);
  return untitled ? [untitled.name] : undefined;
}

/** PasskeyDisplayNameFromIdentity: the first non-empty passkey display name, else the webauthn identifier. */
export function displayNameOf(schema: JsonObject, traits: unknown): string {
  let passkey = '';
  let webauthn = '';
  for (const hit of walkExtensions(schema, { traits })) {
    const text = typeof hit.value === 'string' ? hit.value : JSON.stringify(hit.value);
    if (hit.extension.credentials?.webauthn?.identifier && webauthn === '') webauthn = text.toLowerCase();
    if (hit.extension.credentials?.passkey?.display_name && passkey === '') passkey = text;
  }
  return passkey || webauthn;
}
