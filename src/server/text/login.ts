// Login messages (text/message_login.go).
import { goFixed2, goQuote, goTimeJSON, goUnix, minutesBetween } from './gofmt';
import { TextId as T } from './ids';
import { error, info } from './message';
import type { UiText } from './message';

export const loginSignIn = (): UiText => info(T.InfoSelfServiceLogin, 'Sign in');

export const loginWith = (provider: string, providerId: string): UiText =>
  info(T.InfoSelfServiceLoginWith, `Sign in with ${provider}`, { provider, provider_id: providerId });

export const loginReAuth = (): UiText =>
  info(T.InfoSelfServiceLoginReAuth, 'Please confirm this action by verifying that it is you.');

export const loginMfa = (): UiText =>
  info(T.InfoSelfServiceLoginMFA, 'Please complete the second authentication challenge.');

export const loginVerify = (): UiText => info(T.InfoSelfServiceLoginVerify, 'Verify');

export const loginTotpLabel = (): UiText => info(T.InfoSelfServiceLoginTOTPLabel, 'Authentication code');

export const loginLookupLabel = (): UiText => info(T.InfoLoginLookupLabel, 'Backup recovery code');

export const loginWebAuthn = (): UiText =>
  info(T.InfoSelfServiceLoginWebAuthn, 'Sign in with a hardware key');

export const loginTotp = (): UiText => info(T.InfoLoginTOTP, 'Use Authenticator');

export const loginLookup = (): UiText => info(T.InfoLoginLookup, 'Use backup recovery code');

export const loginContinueWebAuthn = (): UiText =>
  info(T.InfoSelfServiceLoginContinueWebAuthn, 'Sign in with a hardware key');

export const loginWebAuthnPasswordless = (): UiText =>
  info(
    T.InfoSelfServiceLoginWebAuthnPasswordless,
    'Prepare your WebAuthn device (e.g. security key, biometrics scanner, ...) and press continue.',
  );

export const loginContinue = (): UiText => info(T.InfoSelfServiceLoginContinue, 'Continue');

export const loginCodeSent = (): UiText =>
  info(
    T.InfoSelfServiceLoginCodeSent,
    "A code was sent to the address you provided. If you didn't receive it, please check the spelling of the address and try again.",
  );

export const loginSendCode = (): UiText => info(T.InfoSelfServiceLoginCode, 'Send sign in code');

/** 1010016: the OIDC account-linking prompt. Nil Go slices marshal as null, hence the defaults. */
export function loginLink(
  duplicateIdentifier: string,
  provider: string,
  newLoginUrl: string,
  availableCredentialTypes: string[] | null = null,
  availableProviders: string[] | null = null,
): UiText {
  const dup = goQuote(duplicateIdentifier);
  return info(
    T.InfoSelfServiceLoginLink,
    `You tried to sign in with ${dup}, but that email is already used by another account. Sign in to your account with one of the options below to add your account ${dup} at ${goQuote(provider)} as another way to sign in.`,
    {
      duplicateIdentifier,
      provider,
      newLoginUrl,
      duplicate_identifier: duplicateIdentifier,
      new_login_url: newLoginUrl,
      available_credential_types: availableCredentialTypes,
      available_providers: availableProviders,
    },
  );
}

export const loginAndLink = (): UiText => info(T.InfoSelfServiceLoginAndLink, 'Sign in and link');

export const loginWithAndLink = (provider: string): UiText =>
  info(T.InfoSelfServiceLoginWithAndLink, `Confirm with ${provider}`, { provider });

export const loginCodeMfa = (): UiText => info(T.InfoSelfServiceLoginCodeMFA, 'Request code to continue');

export const loginPasskey = (): UiText => info(T.InfoSelfServiceLoginPasskey, 'Sign in with passkey');

export const loginPassword = (): UiText => info(T.InfoSelfServiceLoginPassword, 'Sign in with password');

export const loginAal2CodeAddress = (channel: string, address: string): UiText =>
  info(T.InfoSelfServiceLoginAAL2CodeAddress, `Send code to ${address}`, { address, channel });

export const loginDeviceAuthn = (): UiText =>
  info(T.InfoSelfServiceLoginDeviceAuthn, 'Sign in with a hardware key');

export const loginCodeSentForAuthenticatedUser = (): UiText =>
  info(
    T.InfoSelfServiceLoginCodeSentForAuthenticatedUser,
    "A code was sent to your address. If you didn't receive it, please try again.",
  );

/** Shared by the five "flow expired" messages: minutes since expiry, and the expiry as time and unix. */
export function flowExpired(id: number, flow: string, expiredAt: Date, now: Date): UiText {
  return error(
    id,
    `The ${flow} flow expired ${goFixed2(minutesBetween(expiredAt, now))} minutes ago, please try again.`,
    { expired_at: goTimeJSON(expiredAt), expired_at_unix: goUnix(expiredAt) },
  );
}

export const loginFlowExpired = (expiredAt: Date, now: Date): UiText =>
  flowExpired(T.ErrorValidationLoginFlowExpired, 'login', expiredAt, now);

export const loginNoStrategyFound = (): UiText =>
  error(
    T.ErrorValidationLoginNoStrategyFound,
    'Could not find a strategy to log you in with. Did you fill out the form correctly?',
  );

export const loginRetrySuccess = (): UiText =>
  error(
    T.ErrorValidationLoginRetrySuccess,
    'The request was already completed successfully and can not be retried.',
  );

export const loginCodeInvalidOrAlreadyUsed = (): UiText =>
  error(
    T.ErrorValidationLoginCodeInvalidOrAlreadyUsed,
    'The login code is invalid or has already been used. Please try again.',
  );

export const loginLinkedCredentialsDoNotMatch = (): UiText =>
  error(T.ErrorValidationLoginLinkedCredentialsDoNotMatch, 'Linked credentials do not match.');

export const loginAddressUnknown = (): UiText =>
  error(
    T.ErrorValidationLoginAddressUnknown,
    'The address you entered does not match any known addresses in the current account.',
  );

export const identityDisabled = (): UiText =>
  error(
    T.ErrorValidationIdentityDisabled,
    'This account has been disabled. Please contact support for assistance.',
  );
