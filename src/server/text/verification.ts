// Verification messages (text/message_verification.go, plus 4010006 from message_login.go).
import { TextId as T } from './ids';
import { flowExpired } from './login';
import { error, info, success } from './message';
import type { UiText } from './message';

export const verificationFlowExpired = (expiredAt: Date, now: Date): UiText =>
  flowExpired(T.ErrorValidationVerificationFlowExpired, 'verification', expiredAt, now);

export const verificationSuccessful = (): UiText =>
  success(T.InfoSelfServiceVerificationSuccessful, 'You successfully verified your email address.');

export const verificationPhoneSuccessful = (): UiText =>
  success(T.InfoSelfServiceVerificationPhoneSuccessful, 'You successfully verified your phone number.');

export const verificationEmailSent = (): UiText =>
  info(
    T.InfoSelfServiceVerificationEmailSent,
    'An email containing a verification link has been sent to the email address you provided. If you have not received an email, check the spelling of the address and make sure to use the address you registered with.',
  );

export const verificationEmailWithCodeSent = (): UiText =>
  info(
    T.InfoSelfServiceVerificationEmailWithCodeSent,
    'An email containing a verification code has been sent to the email address you provided. If you have not received an email, check the spelling of the address and make sure to use the address you registered with.',
  );

export const verificationPhoneWithCodeSent = (): UiText =>
  info(
    T.InfoSelfServiceVerificationPhoneWithCodeSent,
    'A text message containing a verification code has been sent to the phone number you provided. If you have not received a text message, check the spelling of the number and make sure to use the number you registered with.',
  );

/** The "code sent" message for the channel the code went out on; anything but sms gets the email text. */
export const verificationCodeSent = (via: string): UiText =>
  via === 'sms' ? verificationPhoneWithCodeSent() : verificationEmailWithCodeSent();

export const verificationTokenInvalidOrAlreadyUsed = (): UiText =>
  error(
    T.ErrorValidationVerificationTokenInvalidOrAlreadyUsed,
    'The verification token is invalid or has already been used. Please retry the flow.',
  );

export const verificationRetrySuccess = (): UiText =>
  error(
    T.ErrorValidationVerificationRetrySuccess,
    'The request was already completed successfully and can not be retried.',
  );

export const verificationStateFailure = (): UiText =>
  error(
    T.ErrorValidationVerificationStateFailure,
    'The verification flow reached a failure state and must be retried.',
  );

export const verificationCodeInvalidOrAlreadyUsed = (): UiText =>
  error(
    T.ErrorValidationVerificationCodeInvalidOrAlreadyUsed,
    'The verification code is invalid or has already been used. Please try again.',
  );

export const verificationNoStrategyFound = (): UiText =>
  error(
    T.ErrorValidationVerificationNoStrategyFound,
    'Could not find a strategy to verify your account with. Did you fill out the form correctly?',
  );
