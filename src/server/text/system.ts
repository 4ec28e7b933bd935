// System messages (text/message_system.go).
import { TextId as T } from './ids';
import { error, info } from './message';
import type { UiText } from './message';

export const systemGeneric = (reason: string): UiText => error(T.ErrorSystemGeneric, reason, { reason });

export const noAuthenticationMethodsAvailable = (): UiText =>
  error(
    T.ErrorSystemNoAuthenticationMethodsAvailable,
    'No authentication methods are available. Please contact the system administrator.',
  );

export const organizationNoSsoProviderAvailable = (): UiText =>
  error(
    T.ErrorSystemOrganizationNoSSOProvidersAvailable,
    'Your organization requires SSO authentication, but no SSO provider is configured. Please contact the system administrator.',
  );

/** 1070015 (a node-label id, defined in message_system.go). */
export const captchaContainerMessage = (): UiText =>
  info(T.InfoNodeLabelCaptcha, 'Please complete the captcha challenge to continue.');
