// Credential and account validation messages (the non-schema half of text/message_validation.go).
import { TextId as T } from './ids';
import { error } from './message';
import type { UiText } from './message';

export const passwordPolicyViolation = (reason: string): UiText =>
  error(T.ErrorValidationPasswordPolicyViolationGeneric, `The password can not be used because ${reason}.`, {
    reason,
  });

export const passwordIdentifierTooSimilar = (): UiText =>
  error(
    T.ErrorValidationPasswordIdentifierTooSimilar,
    'The password can not be used because it is too similar to the identifier.',
  );

export const passwordMinLength = (minLength: number, actualLength: number): UiText =>
  error(
    T.ErrorValidationPasswordMinLength,
    `The password must be at least ${minLength} characters long, but got ${actualLength}.`,
    { min_length: minLength, actual_length: actualLength },
  );

export const passwordMaxLength = (maxLength: number, actualLength: number): UiText =>
  error(
    T.ErrorValidationPasswordMaxLength,
    `The password must be at most ${maxLength} characters long, but got ${actualLength}.`,
    { max_length: maxLength, actual_length: actualLength },
  );

export const passwordNewSameAsOld = (): UiText =>
  error(T.ErrorValidationPasswordNewSameAsOld, 'The new password must be different from the old password.');

export const passwordTooManyBreaches = (breaches: number): UiText =>
  error(
    T.ErrorValidationPasswordTooManyBreaches,
    'The password has been found in data breaches and must no longer be used.',
    { breaches },
  );

export const invalidCredentials = (): UiText =>
  error(
    T.ErrorValidationInvalidCredentials,
    'The provided credentials are invalid, check for spelling mistakes in your password or username, email address, or phone number.',
  );

export const accountNotFound = (): UiText =>
  error(T.ErrorValidationAccountNotFound, 'This account does not exist or has no login method configured.');

export const duplicateCredentials = (): UiText =>
  error(
    T.ErrorValidationDuplicateCredentials,
    'An account with the same identifier (email, phone, username, ...) exists already.',
  );

export const duplicateCredentialsOnOidcLink = (): UiText =>
  error(
    T.ErrorValidationDuplicateCredentialsOnOIDCLink,
    'An account with the same identifier (email, phone, username, ...) exists already. Please sign in to your existing account to link your social profile.',
  );

export const totpVerifierWrong = (): UiText =>
  error(T.ErrorValidationTOTPVerifierWrong, 'The provided authentication code is invalid, please try again.');

export const webAuthnVerifierWrong = (): UiText =>
  error(T.ErrorValidationWebAuthnVerifierWrong, 'The provided web authn login is invalid, please try again.');

export const deviceAuthnVerifierWrong = (): UiText =>
  error(T.ErrorValidationDeviceAuthnVerifierWrong, 'The provided DeviceAuthn signature is invalid.');

export const deviceAuthnRelaxedAttestationNoLongerValid = (): UiText =>
  error(
    T.ErrorValidationDeviceAuthnRelaxedAttestationNoLongerValid,
    'This DeviceAuthn key can no longer be used because relaxed attestation is expired or disabled. Please enroll your device again.',
  );

export const deviceAuthnKeyReenrollmentRequired = (): UiText =>
  error(
    T.ErrorValidationDeviceAuthnKeyReenrollmentRequired,
    'This DeviceAuthn key was enrolled before user verification was introduced and can no longer be used. Please enroll your device again.',
  );

export const lookupAlreadyUsed = (): UiText =>
  error(T.ErrorValidationLookupAlreadyUsed, 'This backup recovery code has already been used.');

export const lookupInvalid = (): UiText =>
  error(T.ErrorValidationLookupInvalid, 'The backup recovery code is not valid.');

export const identifierMissing = (): UiText =>
  error(
    T.ErrorValidationIdentifierMissing,
    'Could not find any login identifiers. Did you forget to set them? This could also be caused by a server misconfiguration.',
  );

export const addressNotVerified = (): UiText =>
  error(
    T.ErrorValidationAddressNotVerified,
    'Account not active yet. Did you forget to verify your email address?',
  );

export const noTotpDevice = (): UiText =>
  error(T.ErrorValidationNoTOTPDevice, 'You have no TOTP device set up.');

export const noLookup = (): UiText =>
  error(T.ErrorValidationNoLookup, 'You have no backup recovery codes set up.');

export const noWebAuthnDevice = (): UiText =>
  error(T.ErrorValidationNoWebAuthnDevice, 'You have no WebAuthn device set up.');

export const noSuchWebAuthnUser = (): UiText =>
  error(T.ErrorValidationSuchNoWebAuthnUser, 'This account does not exist or has no security key set up.');

export const noDeviceAuthnDevice = (): UiText =>
  error(T.ErrorValidationNoDeviceAuthnDevice, 'You have no DeviceAuthn device set up.');

export const noCodeUser = (): UiText =>
  error(T.ErrorValidationNoCodeUser, 'This account does not exist or has not setup sign in with code.');

export const traitsMismatch = (): UiText =>
  error(
    T.ErrorValidationTraitsMismatch,
    'The provided traits do not match the traits previously associated with this flow.',
  );

export const captchaFailed = (): UiText =>
  error(T.ErrorValidationCaptchaError, 'Captcha verification failed, please try again.');
