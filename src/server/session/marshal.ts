// Session JSON (session/session.go MarshalJSON): `active` is computed at marshal time; the identity is
// public on the public API and carries metadata_admin on admin endpoints (AdminSession).
import { marshalIdentity } from '../identity/marshal';
import { type Session, isSessionActive } from './model';

export type SessionView = 'public' | 'admin';

export function marshalSession(
  s: Session,
  now: Date,
  schemaUrl: (schemaId: string) => string,
  view: SessionView = 'public',
  expand: { identity?: boolean; devices?: boolean } = { identity: true, devices: true },
): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: s.id,
    active: isSessionActive(s, now),
    expires_at: s.expires_at,
    authenticated_at: s.authenticated_at,
    authenticator_assurance_level: s.authenticator_assurance_level,
    authentication_methods: s.authentication_methods,
    issued_at: s.issued_at,
  };
  if (expand.identity !== false && s.identity) {
    out.identity = marshalIdentity(s.identity, schemaUrl(s.identity.schema_id), {
      kind: view === 'admin' ? 'admin-metadata' : 'public',
    });
  }
  if (expand.devices !== false) out.devices = s.devices;
  return out;
}
