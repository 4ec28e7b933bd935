// Registration messages (text/message_registration.go, plus 4010003 from message_login.go).
import { TextId as T } from './ids';
import { flowExpired } from './login';
import { error, info } from './message';
import type { UiText } from './message';

export const registrationSignUp = (): UiText => info(T.InfoSelfServiceRegistration, 'Sign up');

export const registrationWith = (provider: string, providerId: string): UiText =>
  info(T.InfoSelfServiceRegistrationWith, `Sign up with ${provider}`, { provider, provider_id: providerId });

export const registrationContinue = (): UiText => info(T.InfoSelfServiceRegistrationContinue, 'Continue');

export const registrationWebAuthn = (): UiText =>
  info(T.InfoSelfServiceRegistrationRegisterWebAuthn, 'Sign up with security key');

export const registrationCodeSent = (): UiText =>
  info(
    T.InfoSelfServiceRegistrationEmailWithCodeSent,
    'A code has been sent to the address(es) you provided. If you have not received a message, check the spelling of the address and retry the registration.',
  );

export const registrationSendCode = (): UiText =>
  info(T.InfoSelfServiceRegistrationRegisterCode, 'Send sign up code');

export const registrationPasskey = (): UiText =>
  info(T.InfoSelfServiceRegistrationRegisterPasskey, 'Sign up with passkey');

export const registrationBack = (): UiText => info(T.InfoSelfServiceRegistrationBack, 'Back');

export const registrationChooseCredentials = (): UiText =>
  info(
    T.InfoSelfServiceRegistrationChooseCredentials,
    'Please choose a credential to authenticate yourself with.',
  );

export const registrationFlowExpired = (expiredAt: Date, now: Date): UiText =>
  flowExpired(T.ErrorValidationRegistrationFlowExpired, 'registration', expiredAt, now);

export const registrationRetrySuccess = (): UiText =>
  error(
    T.ErrorValidateionRegistrationRetrySuccess,
    'The request was already completed successfully and can not be retried.',
  );

export const registrationCodeInvalidOrAlreadyUsed = (): UiText =>
  error(
    T.ErrorValidationRegistrationCodeInvalidOrAlreadyUsed,
    'The registration code is invalid or has already been used. Please try again.',
  );

export const registrationNoStrategyFound = (): UiText =>
  error(
    T.ErrorValidationRegistrationNoStrategyFound,
    'Could not find a strategy to sign you up with. Did you fill out the form correctly?',
  );
