// How the console names an identity: its first login identifier, else a recognisable trait, else its id.
import type { Identity } from '../../shared/kratos';

const PREFERRED_CREDENTIALS = ['password', 'code', 'webauthn', 'passkey', 'oidc', 'saml'];
const PREFERRED_TRAITS = ['email', 'username', 'phone', 'name'];

export function identifiersOf(identity: Identity): string[] {
  const creds = identity.credentials ?? {};
  const types = [
    ...PREFERRED_CREDENTIALS,
    ...Object.keys(creds).filter((t) => !PREFERRED_CREDENTIALS.includes(t)),
  ];
  const out: string[] = [];
  for (const t of types)
    for (const id of creds[t]?.identifiers ?? []) if (id && !out.includes(id)) out.push(id);
  return out;
}

export function displayName(identity: Identity): string {
  const first = identifiersOf(identity).find((i) => !/^[^:]+:[^@]+$/.test(i) || i.includes('@'));
  if (first) return first;
  const traits = (identity.traits ?? {}) as Record<string, unknown>;
  for (const key of PREFERRED_TRAITS) {
    const v = traits[key];
    if (typeof v === 'string' && v) return v;
    if (v && typeof v === 'object') {
      const parts = Object.values(v as Record<string, unknown>).filter(
        (x): x is string => typeof x === 'string',
      );
      if (parts.length) return parts.join(' ');
    }
  }
  return identity.id;
}

/** The value the user types to confirm a destructive action on a production connection. */
export function confirmationValue(identity: Identity): string {
  return identifiersOf(identity)[0] ?? identity.id;
}

export function shortId(id: string): string {
  return id.length > 13 ? `${id.slice(0, 8)}…` : id;
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
