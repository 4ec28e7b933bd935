// Sessions as Kratos models them (session/session.go): authentication methods, AAL, devices.
import type { CredentialsType, Identity } from '../identity/model';

export type Aal = 'aal0' | 'aal1' | 'aal2' | 'aal3';

export interface AuthenticationMethod {
  method: CredentialsType | string;
  aal: Aal;
  completed_at: string;
  provider?: string;
  organization?: string;
  upstream_acr?: string;
  upstream_amr?: string[];
}

export interface Device {
  id: string;
  ip_address: string | null;
  user_agent: string | null;
  location: string | null;
}

export interface Session {
  id: string;
  identity_id: string;
  active: boolean;
  expires_at: string;
  authenticated_at: string;
  authenticator_assurance_level: Aal;
  authentication_methods: AuthenticationMethod[];
  issued_at: string;
  devices: Device[];
  created_at: string;
  updated_at: string;
  /** Loaded with the session when asked for. */
  identity?: Identity;
}

/** Kratos's SetAuthenticatorAssuranceLevel: aal2 needs an aal1 and an aal2 method (OIDC/SAML aal2 is both). */
export function assuranceLevel(methods: AuthenticationMethod[]): Aal {
  if (methods.length === 0) return 'aal0';
  let aal1 = false;
  let aal2 = false;
  for (const m of methods) {
    if (m.aal === 'aal1') aal1 = true;
    if (m.aal === 'aal2') {
      aal2 = true;
      if (m.method === 'oidc' || m.method === 'saml') aal1 = true;
    }
  }
  return aal1 && aal2 ? 'aal2' : 'aal1';
}

/** `active` as Kratos marshals it: stored flag, not expired, identity active. */
export function isSessionActive(s: Session, now: Date): boolean {
  return (
    s.active &&
    new Date(s.expires_at).getTime() > now.getTime() &&
    (!s.identity || s.identity.state === 'active')
  );
}
