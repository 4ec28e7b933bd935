// Recovery and verification settings of kratos.yml with Kratos's defaults (driver/config/config.go).
import type { Config } from '../../../config/config';
import { registerEmulatedKeys } from '../../../config/emulated';
import { afterReturnUrl, defaultBrowserReturnUrl, lifespanMs, methodEnabled } from '../config';

registerEmulatedKeys(
  'selfservice.flows.recovery.enabled',
  'selfservice.flows.recovery.use',
  'selfservice.flows.recovery.ui_url',
  'selfservice.flows.recovery.lifespan',
  'selfservice.flows.recovery.notify_unknown_recipients',
  'selfservice.flows.recovery.after.default_browser_return_url',
  'selfservice.flows.recovery.after.hooks',
  'selfservice.flows.verification.enabled',
  'selfservice.flows.verification.use',
  'selfservice.flows.verification.ui_url',
  'selfservice.flows.verification.lifespan',
  'selfservice.flows.verification.notify_unknown_recipients',
  'selfservice.flows.verification.after.default_browser_return_url',
  'selfservice.methods.code.enabled',
  'selfservice.methods.code.config.lifespan',
  'selfservice.methods.code.config.max_submissions',
  'selfservice.methods.link.*',
  'feature_flags.use_continue_with_transitions',
  'feature_flags.legacy_continue_with_verification_ui',
  'feature_flags.legacy_require_verified_login_error',
);

export type AccountFlow = 'recovery' | 'verification';

export function flowEnabled(config: Config, kind: AccountFlow): boolean {
  return config.get<boolean>(`selfservice.flows.${kind}.enabled`, false);
}

/** `use`: the method new flows offer (`code` by default, or `link`). */
export function flowUse(config: Config, kind: AccountFlow): string {
  return config.get<string>(`selfservice.flows.${kind}.use`, 'code');
}

export function notifyUnknownRecipients(config: Config, kind: AccountFlow): boolean {
  return config.get<boolean>(`selfservice.flows.${kind}.notify_unknown_recipients`, false);
}

export function accountFlowLifespanMs(config: Config, kind: AccountFlow): number {
  return lifespanMs(config, kind);
}

/** feature_flags.use_continue_with_transitions: recovery answers with continue_with instead of 303/422. */
export function useContinueWithTransitions(config: Config): boolean {
  return config.get<boolean>('feature_flags.use_continue_with_transitions', false);
}

export function legacyContinueWithVerificationUi(config: Config): boolean {
  return config.get<boolean>('feature_flags.legacy_continue_with_verification_ui', false);
}

export function legacyRequireVerifiedLoginError(config: Config): boolean {
  return config.get<boolean>('feature_flags.legacy_require_verified_login_error', false);
}

/** `selfservice.flows.verification.after.default_browser_return_url`, else the global default. */
export function verificationReturnUrl(config: Config): URL {
  return afterReturnUrl(config, 'verification');
}

/** `selfservice.flows.recovery.after.default_browser_return_url`, or nothing (SelfServiceFlowRecoveryReturnTo). */
export function recoveryReturnUrl(config: Config): string | undefined {
  return config.get<string | undefined>(
    'selfservice.flows.recovery.after.default_browser_return_url',
    undefined,
  );
}

export { defaultBrowserReturnUrl, methodEnabled };

/** Lifespans of codes and link tokens: `selfservice.methods.{code,link}.config.lifespan` (1h). */
export function methodLifespanMs(config: Config, method: 'code' | 'link'): number {
  return config.durationMs(`selfservice.methods.${method}.config.lifespan`, '1h');
}

/** ExpiresInMinutes of the templates: a Go int (truncated minutes). */
export function expiresInMinutes(ms: number): bigint {
  return BigInt(Math.trunc(ms / 60_000));
}

/** Whether a courier channel with id `sms` is configured (the verification form then asks for email or phone). */
export function hasSmsChannel(config: Config): boolean {
  return config.get<{ id?: string }[]>('courier.channels', []).some((c) => c?.id === 'sms');
}

/**
 * Where links in emails point: the public URL. `selfservice.methods.link.config.base_url` is accepted but,
 * as in Kratos v26 (deprecated, "has no effect"), not used (x.CourierBaseURL falls back to the public URL).
 */
export function courierBaseUrl(config: Config): URL {
  return config.baseURL('public');
}
