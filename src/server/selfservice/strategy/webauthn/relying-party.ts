// The relying party the WebAuthn and passkey methods speak for, read from kratos.yml the way Kratos builds
// its go-webauthn configs (driver/config/config.go WebAuthnConfig / PasskeyConfig): RP id and name, the
// origins a ceremony may come from, and the authenticator selection each method asks for.
import type { Config } from '../../../config/config';
import { registerEmulatedKeys } from '../../../config/emulated';

registerEmulatedKeys('selfservice.methods.webauthn.*', 'selfservice.methods.passkey.*');

export type UserVerification = 'required' | 'preferred' | 'discouraged';
export type ResidentKey = 'required' | 'preferred' | 'discouraged';

export interface AuthenticatorSelection {
  authenticatorAttachment?: 'platform' | 'cross-platform';
  requireResidentKey?: boolean;
  residentKey?: ResidentKey;
  userVerification: UserVerification;
}

export interface RelyingParty {
  id: string;
  name: string;
  origins: string[];
  selection: AuthenticatorSelection;
  /** Omitted from creation options when empty (webauthn); passkeys default to "none". */
  attestation?: string;
  registrationTimeoutMs: number;
  loginTimeoutMs: number;
}

// go-webauthn's defaults: 5 minutes, or 2 minutes when user verification is discouraged.
const DEFAULT_TIMEOUT_MS = 300_000;
const DEFAULT_TIMEOUT_UVD_MS = 120_000;

const timeoutFor = (uv: UserVerification, configuredMs: number): number =>
  configuredMs > 0 ? configuredMs : uv === 'discouraged' ? DEFAULT_TIMEOUT_UVD_MS : DEFAULT_TIMEOUT_MS;

function rpId(config: Config, key: 'webauthn' | 'passkey'): string {
  // Kratos requires rp.id in the config schema; the public host is only a fallback for hand-built configs.
  return (
    config.get<string>(`selfservice.methods.${key}.config.rp.id`, '') || config.baseURL('public').hostname
  );
}

function scheme(config: Config): string {
  return config.baseURL('public').protocol.replace(/:$/, '');
}

/** `selfservice.methods.webauthn.config`: origins default to `origin`, else `<public scheme>://<rp id>`. */
export function webAuthnRelyingParty(config: Config): RelyingParty {
  const base = 'selfservice.methods.webauthn.config';
  const id = rpId(config, 'webauthn');
  const origin = config.get<string>(`${base}.rp.origin`, '');
  const origins = config.get<string[]>(`${base}.rp.origins`, []);
  return {
    id,
    name: config.get<string>(`${base}.rp.display_name`, ''),
    origins: origins.length > 0 ? origins : [origin || `${scheme(config)}://${id}`],
    selection: { userVerification: 'discouraged' },
    registrationTimeoutMs: DEFAULT_TIMEOUT_UVD_MS,
    loginTimeoutMs: DEFAULT_TIMEOUT_UVD_MS,
  };
}

/** `selfservice.methods.webauthn.config.passwordless`: WebAuthn as a first factor instead of MFA. */
export function webAuthnPasswordless(config: Config): boolean {
  return config.get<boolean>('selfservice.methods.webauthn.config.passwordless', false);
}

/** `selfservice.methods.passkey.config`: discoverable credentials, user verification preferred. */
export function passkeyRelyingParty(config: Config): RelyingParty {
  const base = 'selfservice.methods.passkey.config';
  const id = rpId(config, 'passkey');
  const origins = config.get<string[]>(`${base}.rp.origins`, []);
  const residentKey = config.get<ResidentKey>(`${base}.authenticator_selection.resident_key`, 'required');
  const uv = config.get<UserVerification>(`${base}.authenticator_selection.user_verification`, 'preferred');
  const attachment = config.get<string>(`${base}.authenticator_selection.attachment`, '');
  const duration = (path: string): number => {
    try {
      return config.durationMs(`${base}.timeouts.${path}`, '0s');
    } catch {
      return 0;
    }
  };
  return {
    id,
    name: config.get<string>(`${base}.rp.display_name`, ''),
    origins: origins.length > 0 ? origins : [`${scheme(config)}://${id}`],
    selection: {
      ...(attachment === 'platform' || attachment === 'cross-platform'
        ? { authenticatorAttachment: attachment }
        : {}),
      requireResidentKey: residentKey === 'required',
      residentKey,
      userVerification: uv,
    },
    attestation: config.get<string>(`${base}.attestation.preference`, 'none'),
    registrationTimeoutMs: timeoutFor(uv, duration('registration')),
    loginTimeoutMs: timeoutFor(uv, duration('login')),
  };
}
