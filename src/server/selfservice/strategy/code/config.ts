// The `code` method's settings as Kratos reads them (driver/config/config.go SelfServiceCodeStrategy,
// SelfServiceStrategy, SelfServiceCodeMethod*), read on every request so a reloaded kratos.yml applies.
import type { Config } from '../../../config/config';
import { registerEmulatedKeys } from '../../../config/emulated';

registerEmulatedKeys(
  'selfservice.methods.code.enabled',
  'selfservice.methods.code.passwordless_enabled',
  'selfservice.methods.code.mfa_enabled',
  'selfservice.methods.code.config.lifespan',
  'selfservice.methods.code.config.max_submissions',
  'selfservice.methods.code.config.missing_credential_fallback_enabled',
  'feature_flags.refresh_login_choose_address',
);

export interface CodeMethodSettings {
  /**
   * `enabled` (default true). Kratos force-enables the method when the legacy `passwordless_enabled` is
   * set, because older versions allowed passwordless with the method disabled.
   */
  enabled: boolean;
  /** Passwordless login and registration by code (first factor). */
  passwordlessEnabled: boolean;
  /** Codes as a second factor in aal2 login flows. */
  mfaEnabled: boolean;
  /** `config.missing_credential_fallback_enabled`: verified addresses stand in for code credentials. */
  fallbackEnabled: boolean;
  /** `config.lifespan` (1h). */
  lifespanMs: number;
  /** `feature_flags.refresh_login_choose_address`: refresh logins pick an address instead of re-typing. */
  refreshChooseAddress: boolean;
}

const KEY = 'selfservice.methods.code';

export function codeMethodSettings(config: Config): CodeMethodSettings {
  const passwordlessEnabled = config.get<unknown>(`${KEY}.passwordless_enabled`, false) === true;
  return {
    enabled: config.get<unknown>(`${KEY}.enabled`, true) === true || passwordlessEnabled,
    passwordlessEnabled,
    mfaEnabled: config.get<unknown>(`${KEY}.mfa_enabled`, false) === true,
    fallbackEnabled: config.get<unknown>(`${KEY}.config.missing_credential_fallback_enabled`, false) === true,
    lifespanMs: config.durationMs(`${KEY}.config.lifespan`, '1h'),
    refreshChooseAddress: config.get<unknown>('feature_flags.refresh_login_choose_address', false) === true,
  };
}

/** Kratos's default `clients.web_hook.header_allowlist`: the request headers templates may see. */
const DEFAULT_HEADER_ALLOWLIST = [
  'Accept',
  'Accept-Encoding',
  'Accept-Language',
  'Content-Length',
  'Content-Type',
  'Origin',
  'Priority',
  'Referer',
  'Sec-Ch-Ua',
  'Sec-Ch-Ua-Mobile',
  'Sec-Ch-Ua-Platform',
  'Sec-Fetch-Dest',
  'Sec-Fetch-Mode',
  'Sec-Fetch-Site',
  'Sec-Fetch-User',
  'True-Client-Ip',
  'User-Agent',
];

/** hook.RemoveDisallowedHeaders: only allow-listed headers, keyed in Go's canonical form. */
export function allowedRequestHeaders(config: Config, headers: Headers): Record<string, string[]> {
  const allowlist = config.get<string[]>('clients.web_hook.header_allowlist', DEFAULT_HEADER_ALLOWLIST);
  const out: Record<string, string[]> = {};
  for (const name of allowlist) {
    const value = headers.get(name);
    if (value !== null) out[canonicalHeaderKey(name)] = [value];
  }
  return out;
}

/** textproto.CanonicalMIMEHeaderKey: "x-custom-header" → "X-Custom-Header". */
function canonicalHeaderKey(name: string): string {
  return name
    .toLowerCase()
    .split('-')
    .map((part) => (part ? part[0]?.toUpperCase() + part.slice(1) : part))
    .join('-');
}
