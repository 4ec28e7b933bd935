// Recovery messages (text/message_recovery.go, plus 4010005 from message_login.go).
import { goFixed2, goTimeJSON, goUnix, minutesBetween } from './gofmt';
import { TextId as T } from './ids';
import { flowExpired } from './login';
import { error, info, success } from './message';
import type { UiText } from './message';

export const recoveryFlowExpired = (expiredAt: Date, now: Date): UiText =>
  flowExpired(T.ErrorValidationRecoveryFlowExpired, 'recovery', expiredAt, now);

/** 1060001 on the settings flow after recovery: minutes left of the privileged session. */
export function recoverySuccessful(privilegedSessionExpiresAt: Date, now: Date): UiText {
  const left = goFixed2(minutesBetween(now, privilegedSessionExpiresAt));
  const at = goTimeJSON(privilegedSessionExpiresAt);
  return success(
    T.InfoSelfServiceRecoverySuccessful,
    `You successfully recovered your account. Please change your password or set up an alternative login method (e.g. social sign in) within the next ${left} minutes.`,
    {
      privilegedSessionExpiresAt: at,
      privileged_session_expires_at: at,
      privileged_session_expires_at_unix: goUnix(privilegedSessionExpiresAt),
    },
  );
}

export const recoveryEmailSent = (): UiText =>
  info(
    T.InfoSelfServiceRecoveryEmailSent,
    'An email containing a recovery link has been sent to the email address you provided. If you have not received an email, check the spelling of the address and make sure to use the address you registered with.',
  );

export const recoveryEmailWithCodeSent = (): UiText =>
  info(
    T.InfoSelfServiceRecoveryEmailWithCodeSent,
    'An email containing a recovery code has been sent to the email address you provided. If you have not received an email, check the spelling of the address and make sure to use the address you registered with.',
  );

/** 1070016, the label Kratos's recovery v2 puts on the address input. */
export const recoveryAddressLabel = (): UiText => info(T.InfoNodeLabelRecoveryAddress, 'Recovery address');

export const recoveryCodeSentToMaskedAddress = (maskedAddress: string): UiText =>
  info(
    T.InfoSelfServiceRecoveryMessageMaskedWithCodeSent,
    `A recovery code has been sent to ${maskedAddress}. If you have not received it, check the spelling of the address and make sure to use the address you registered with.`,
    { masked_address: maskedAddress },
  );

export const recoveryAskForFullAddress = (): UiText =>
  info(
    T.InfoSelfServiceRecoveryAskForFullAddress,
    'Recover access to your account by providing your recovery address in full.',
  );

export const recoveryAskToChooseAddress = (): UiText =>
  info(T.InfoSelfServiceRecoveryAskToChooseAddress, 'How do you want to recover your account?');

export const recoveryBack = (): UiText => info(T.InfoSelfServiceRecoveryBack, 'Back');

export const recoveryTokenInvalidOrAlreadyUsed = (): UiText =>
  error(
    T.ErrorValidationRecoveryTokenInvalidOrAlreadyUsed,
    'The recovery token is invalid or has already been used. Please retry the flow.',
  );

export const recoveryCodeInvalidOrAlreadyUsed = (): UiText =>
  error(
    T.ErrorValidationRecoveryCodeInvalidOrAlreadyUsed,
    'The recovery code is invalid or has already been used. Please try again.',
  );

export const recoveryRetrySuccess = (): UiText =>
  error(
    T.ErrorValidationRecoveryRetrySuccess,
    'The request was already completed successfully and can not be retried.',
  );

export const recoveryStateFailure = (): UiText =>
  error(
    T.ErrorValidationRecoveryStateFailure,
    'The recovery flow reached a failure state and must be retried.',
  );

export const recoveryNoStrategyFound = (): UiText =>
  error(
    T.ErrorValidationRecoveryNoStrategyFound,
    'Could not find a strategy to recover your account with. Did you fill out the form correctly?',
  );
