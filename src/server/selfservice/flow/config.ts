// The self-service settings of kratos.yml, with Kratos's defaults (driver/config/config.go).
import type { Config } from '../../config/config';
import { registerEmulatedKeys } from '../../config/emulated';
import type { FlowKind } from './model';
import type { ReturnToPolicy } from './return-to';

registerEmulatedKeys(
  'selfservice.default_browser_return_url',
  'selfservice.allowed_return_urls',
  'selfservice.flows.login.ui_url',
  'selfservice.flows.login.lifespan',
  'selfservice.flows.login.after.*',
  'selfservice.flows.registration.ui_url',
  'selfservice.flows.registration.lifespan',
  'selfservice.flows.registration.enabled',
  'selfservice.flows.registration.style',
  'selfservice.flows.registration.enable_legacy_one_step',
  'selfservice.flows.registration.login_hints',
  'selfservice.flows.registration.after.*',
  'selfservice.flows.error.ui_url',
  'selfservice.flows.settings.ui_url',
  'selfservice.flows.settings.lifespan',
  'selfservice.flows.settings.privileged_session_max_age',
  'selfservice.flows.settings.required_aal',
  'selfservice.flows.settings.after.*',
  'selfservice.flows.logout.after.default_browser_return_url',
  'selfservice.methods.password.*',
  'selfservice.methods.profile.*',
  'session.*',
  'cookies.*',
  'serve.public.cors.*',
  'feature_flags.password_profile_registration_node_group',
);

/**
 * The flow's UI. Without a configured `ui_url` Kratos sends browsers to its documentation's fallback pages;
 * Gatehouse sends them to its built-in pages on the public port instead, which actually work offline.
 */
export function uiUrl(config: Config, kind: FlowKind | 'error'): string {
  return config.get(`selfservice.flows.${kind}.ui_url`, config.publicURL(`/ui/${kind}`).toString());
}

export function lifespanMs(config: Config, kind: FlowKind): number {
  return config.durationMs(`selfservice.flows.${kind}.lifespan`, '1h');
}

export function defaultBrowserReturnUrl(config: Config): URL {
  return new URL(config.get('selfservice.default_browser_return_url', config.publicURL('/').toString()));
}

/** `after[.<method>].default_browser_return_url` of a flow, falling back to the global default. */
export function afterReturnUrl(config: Config, kind: FlowKind | 'logout', method?: string): URL {
  const perMethod = method
    ? config.get<string | undefined>(
        `selfservice.flows.${kind}.after.${method}.default_browser_return_url`,
        undefined,
      )
    : undefined;
  const perFlow = config.get<string | undefined>(
    `selfservice.flows.${kind}.after.default_browser_return_url`,
    undefined,
  );
  return perMethod || perFlow ? new URL((perMethod || perFlow) as string) : defaultBrowserReturnUrl(config);
}

export function returnToPolicy(
  config: Config,
  defaultReturnTo = defaultBrowserReturnUrl(config),
): ReturnToPolicy {
  return {
    allowed: config.get<string[]>('selfservice.allowed_return_urls', []),
    defaultReturnTo,
    publicBaseURL: config.baseURL('public'),
  };
}

const ENABLED_BY_DEFAULT = new Set(['password', 'profile', 'code']);

export function methodEnabled(config: Config, method: string): boolean {
  return config.get<boolean>(`selfservice.methods.${method}.enabled`, ENABLED_BY_DEFAULT.has(method));
}

export function methodConfig<T extends object>(config: Config, method: string): Partial<T> {
  return config.get<Partial<T>>(`selfservice.methods.${method}.config`, {});
}

export function registrationEnabled(config: Config): boolean {
  return config.get('selfservice.flows.registration.enabled', true);
}

/** Two-step `profile_first` is Kratos's default; `enable_legacy_one_step` or style `unified` is one form. */
export function registrationOneStep(config: Config): boolean {
  return (
    config.get('selfservice.flows.registration.enable_legacy_one_step', false) ||
    config.get<string>('selfservice.flows.registration.style', 'profile_first') === 'unified'
  );
}

/** Hooks configured after a flow for a method; the method list replaces the flow's list when non-empty. */
export function afterHooks(
  config: Config,
  kind: FlowKind,
  method: string,
): { hook: string; config?: unknown }[] {
  const perMethod = config.get<{ hook: string; config?: unknown }[]>(
    `selfservice.flows.${kind}.after.${method}.hooks`,
    [],
  );
  return perMethod.length > 0 ? perMethod : config.get(`selfservice.flows.${kind}.after.hooks`, []);
}

/** `selfservice.flows.settings.privileged_session_max_age` (1h): how long after sign-in protected fields may change. */
export function privilegedSessionMaxAgeMs(config: Config): number {
  return config.durationMs('selfservice.flows.settings.privileged_session_max_age', '1h');
}

/** `selfservice.flows.settings.required_aal`: `aal1` or Kratos's default `highest_available`. */
export function settingsRequiredAal(config: Config): 'aal1' | 'highest_available' {
  return config.get<string>('selfservice.flows.settings.required_aal', 'highest_available') === 'aal1'
    ? 'aal1'
    : 'highest_available';
}
