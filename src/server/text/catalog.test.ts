// Every constructor against the JSON Kratos emits (text/message_*.go; texts asserted by Kratos's own tests
// where they exist, e.g. "The verification flow expired 2.00 minutes ago, please try again.").
import { describe, expect, it } from 'vitest';
import * as t from './index';
import type { UiText } from './index';

const expired = new Date('2024-01-01T10:00:00Z');
const twoMinutesLater = new Date('2024-01-01T10:02:00Z');

type Simple = [name: string, make: () => UiText, id: number, type: string, text: string];

const simple: Simple[] = [
  ['loginSignIn', t.loginSignIn, 1010001, 'info', 'Sign in'],
  ['loginReAuth', t.loginReAuth, 1010003, 'info', 'Please confirm this action by verifying that it is you.'],
  ['loginMfa', t.loginMfa, 1010004, 'info', 'Please complete the second authentication challenge.'],
  ['loginVerify', t.loginVerify, 1010005, 'info', 'Verify'],
  ['loginTotpLabel', t.loginTotpLabel, 1010006, 'info', 'Authentication code'],
  ['loginLookupLabel', t.loginLookupLabel, 1010007, 'info', 'Backup recovery code'],
  ['loginWebAuthn', t.loginWebAuthn, 1010008, 'info', 'Sign in with a hardware key'],
  ['loginTotp', t.loginTotp, 1010009, 'info', 'Use Authenticator'],
  ['loginLookup', t.loginLookup, 1010010, 'info', 'Use backup recovery code'],
  ['loginContinueWebAuthn', t.loginContinueWebAuthn, 1010011, 'info', 'Sign in with a hardware key'],
  [
    'loginWebAuthnPasswordless',
    t.loginWebAuthnPasswordless,
    1010012,
    'info',
    'Prepare your WebAuthn device (e.g. security key, biometrics scanner, ...) and press continue.',
  ],
  ['loginContinue', t.loginContinue, 1010013, 'info', 'Continue'],
  [
    'loginCodeSent',
    t.loginCodeSent,
    1010014,
    'info',
    "A code was sent to the address you provided. If you didn't receive it, please check the spelling of the address and try again.",
  ],
  ['loginSendCode', t.loginSendCode, 1010015, 'info', 'Send sign in code'],
  ['loginAndLink', t.loginAndLink, 1010017, 'info', 'Sign in and link'],
  ['loginCodeMfa', t.loginCodeMfa, 1010019, 'info', 'Request code to continue'],
  ['loginPasskey', t.loginPasskey, 1010021, 'info', 'Sign in with passkey'],
  ['loginPassword', t.loginPassword, 1010022, 'info', 'Sign in with password'],
  ['loginDeviceAuthn', t.loginDeviceAuthn, 1010024, 'info', 'Sign in with a hardware key'],
  [
    'loginCodeSentForAuthenticatedUser',
    t.loginCodeSentForAuthenticatedUser,
    1010025,
    'info',
    "A code was sent to your address. If you didn't receive it, please try again.",
  ],
  ['registrationSignUp', t.registrationSignUp, 1040001, 'info', 'Sign up'],
  ['registrationContinue', t.registrationContinue, 1040003, 'info', 'Continue'],
  ['registrationWebAuthn', t.registrationWebAuthn, 1040004, 'info', 'Sign up with security key'],
  [
    'registrationCodeSent',
    t.registrationCodeSent,
    1040005,
    'info',
    'A code has been sent to the address(es) you provided. If you have not received a message, check the spelling of the address and retry the registration.',
  ],
  ['registrationSendCode', t.registrationSendCode, 1040006, 'info', 'Send sign up code'],
  ['registrationPasskey', t.registrationPasskey, 1040007, 'info', 'Sign up with passkey'],
  ['registrationBack', t.registrationBack, 1040008, 'info', 'Back'],
  [
    'registrationChooseCredentials',
    t.registrationChooseCredentials,
    1040009,
    'info',
    'Please choose a credential to authenticate yourself with.',
  ],
  ['settingsSaved', t.settingsSaved, 1050001, 'success', 'Your changes have been saved!'],
  ['settingsUnlinkTotp', t.settingsUnlinkTotp, 1050004, 'info', 'Unlink TOTP Authenticator App'],
  ['settingsTotpQrCode', t.settingsTotpQrCode, 1050005, 'info', 'Authenticator app QR code'],
  ['settingsRevealLookup', t.settingsRevealLookup, 1050007, 'info', 'Reveal backup recovery codes'],
  [
    'settingsRegenerateLookup',
    t.settingsRegenerateLookup,
    1050008,
    'info',
    'Generate new backup recovery codes',
  ],
  [
    'settingsLookupSecretsLabel',
    t.settingsLookupSecretsLabel,
    1050010,
    'info',
    'These are your back up recovery codes. Please keep them in a safe place!',
  ],
  ['settingsLookupConfirm', t.settingsLookupConfirm, 1050011, 'info', 'Confirm backup recovery codes'],
  ['settingsRegisterWebAuthn', t.settingsRegisterWebAuthn, 1050012, 'info', 'Add security key'],
  ['settingsWebAuthnDisplayName', t.settingsWebAuthnDisplayName, 1050013, 'info', 'Name of the security key'],
  ['settingsDisableLookup', t.settingsDisableLookup, 1050016, 'info', 'Disable this method'],
  [
    'settingsTotpSecretLabel',
    t.settingsTotpSecretLabel,
    1050017,
    'info',
    'This is your authenticator app secret. Use it if you can not scan the QR code.',
  ],
  ['settingsRegisterPasskey', t.settingsRegisterPasskey, 1050019, 'info', 'Add passkey'],
  [
    'settingsManagedByOrganization',
    t.settingsManagedByOrganization,
    1050023,
    'info',
    'Your account is managed by your organization. To change these settings, contact your organization administrator.',
  ],
  [
    'recoveryEmailSent',
    t.recoveryEmailSent,
    1060002,
    'info',
    'An email containing a recovery link has been sent to the email address you provided. If you have not received an email, check the spelling of the address and make sure to use the address you registered with.',
  ],
  [
    'recoveryEmailWithCodeSent',
    t.recoveryEmailWithCodeSent,
    1060003,
    'info',
    'An email containing a recovery code has been sent to the email address you provided. If you have not received an email, check the spelling of the address and make sure to use the address you registered with.',
  ],
  [
    'recoveryAskForFullAddress',
    t.recoveryAskForFullAddress,
    1060005,
    'info',
    'Recover access to your account by providing your recovery address in full.',
  ],
  [
    'recoveryAskToChooseAddress',
    t.recoveryAskToChooseAddress,
    1060006,
    'info',
    'How do you want to recover your account?',
  ],
  ['recoveryBack', t.recoveryBack, 1060007, 'info', 'Back'],
  ['nodeLabelPassword', t.nodeLabelPassword, 1070001, 'info', 'Password'],
  ['nodeLabelSave', t.nodeLabelSave, 1070003, 'info', 'Save'],
  ['nodeLabelId', t.nodeLabelId, 1070004, 'info', 'ID'],
  ['nodeLabelSubmit', t.nodeLabelSubmit, 1070005, 'info', 'Submit'],
  ['nodeLabelVerifyCode', t.nodeLabelVerifyCode, 1070006, 'info', 'Verify code'],
  ['nodeLabelEmail', t.nodeLabelEmail, 1070007, 'info', 'Email'],
  ['nodeLabelResendCode', t.nodeLabelResendCode, 1070008, 'info', 'Resend code'],
  ['nodeLabelContinue', t.nodeLabelContinue, 1070009, 'info', 'Continue'],
  ['nodeLabelRecoveryCode', t.nodeLabelRecoveryCode, 1070010, 'info', 'Recovery code'],
  ['nodeLabelVerificationCode', t.nodeLabelVerificationCode, 1070011, 'info', 'Verification code'],
  ['nodeLabelRegistrationCode', t.nodeLabelRegistrationCode, 1070012, 'info', 'Registration code'],
  ['nodeLabelLoginCode', t.nodeLabelLoginCode, 1070013, 'info', 'Login code'],
  [
    'nodeLabelLoginAndLinkCredential',
    t.nodeLabelLoginAndLinkCredential,
    1070014,
    'info',
    'Login and link credential',
  ],
  [
    'captchaContainerMessage',
    t.captchaContainerMessage,
    1070015,
    'info',
    'Please complete the captcha challenge to continue.',
  ],
  ['recoveryAddressLabel', t.recoveryAddressLabel, 1070016, 'info', 'Recovery address'],
  ['nodeLabelPhoneNumber', t.nodeLabelPhoneNumber, 1070017, 'info', 'Phone number'],
  ['nodeLabelEmailOrPhone', t.nodeLabelEmailOrPhone, 1070018, 'info', 'Email or phone number'],
  [
    'verificationEmailSent',
    t.verificationEmailSent,
    1080001,
    'info',
    'An email containing a verification link has been sent to the email address you provided. If you have not received an email, check the spelling of the address and make sure to use the address you registered with.',
  ],
  [
    'verificationSuccessful',
    t.verificationSuccessful,
    1080002,
    'success',
    'You successfully verified your email address.',
  ],
  [
    'verificationEmailWithCodeSent',
    t.verificationEmailWithCodeSent,
    1080003,
    'info',
    'An email containing a verification code has been sent to the email address you provided. If you have not received an email, check the spelling of the address and make sure to use the address you registered with.',
  ],
  [
    'verificationPhoneWithCodeSent',
    t.verificationPhoneWithCodeSent,
    1080004,
    'info',
    'A text message containing a verification code has been sent to the phone number you provided. If you have not received a text message, check the spelling of the number and make sure to use the number you registered with.',
  ],
  [
    'verificationPhoneSuccessful',
    t.verificationPhoneSuccessful,
    1080005,
    'success',
    'You successfully verified your phone number.',
  ],
  [
    'invalidCredentials',
    t.invalidCredentials,
    4000006,
    'error',
    'The provided credentials are invalid, check for spelling mistakes in your password or username, email address, or phone number.',
  ],
  [
    'duplicateCredentials',
    t.duplicateCredentials,
    4000007,
    'error',
    'An account with the same identifier (email, phone, username, ...) exists already.',
  ],
  [
    'totpVerifierWrong',
    t.totpVerifierWrong,
    4000008,
    'error',
    'The provided authentication code is invalid, please try again.',
  ],
  [
    'identifierMissing',
    t.identifierMissing,
    4000009,
    'error',
    'Could not find any login identifiers. Did you forget to set them? This could also be caused by a server misconfiguration.',
  ],
  [
    'addressNotVerified',
    t.addressNotVerified,
    4000010,
    'error',
    'Account not active yet. Did you forget to verify your email address?',
  ],
  ['noTotpDevice', t.noTotpDevice, 4000011, 'error', 'You have no TOTP device set up.'],
  [
    'lookupAlreadyUsed',
    t.lookupAlreadyUsed,
    4000012,
    'error',
    'This backup recovery code has already been used.',
  ],
  ['noWebAuthnDevice', t.noWebAuthnDevice, 4000013, 'error', 'You have no WebAuthn device set up.'],
  ['noLookup', t.noLookup, 4000014, 'error', 'You have no backup recovery codes set up.'],
  [
    'noSuchWebAuthnUser',
    t.noSuchWebAuthnUser,
    4000015,
    'error',
    'This account does not exist or has no security key set up.',
  ],
  ['lookupInvalid', t.lookupInvalid, 4000016, 'error', 'The backup recovery code is not valid.'],
  [
    'duplicateCredentialsOnOidcLink',
    t.duplicateCredentialsOnOidcLink,
    4000027,
    'error',
    'An account with the same identifier (email, phone, username, ...) exists already. Please sign in to your existing account to link your social profile.',
  ],
  ['validationConstGeneric', t.validationConstGeneric, 4000030, 'error', 'const failed'],
  [
    'passwordIdentifierTooSimilar',
    t.passwordIdentifierTooSimilar,
    4000031,
    'error',
    'The password can not be used because it is too similar to the identifier.',
  ],
  [
    'noCodeUser',
    t.noCodeUser,
    4000035,
    'error',
    'This account does not exist or has not setup sign in with code.',
  ],
  [
    'traitsMismatch',
    t.traitsMismatch,
    4000036,
    'error',
    'The provided traits do not match the traits previously associated with this flow.',
  ],
  [
    'accountNotFound',
    t.accountNotFound,
    4000037,
    'error',
    'This account does not exist or has no login method configured.',
  ],
  ['captchaFailed', t.captchaFailed, 4000038, 'error', 'Captcha verification failed, please try again.'],
  [
    'passwordNewSameAsOld',
    t.passwordNewSameAsOld,
    4000039,
    'error',
    'The new password must be different from the old password.',
  ],
  ['noDeviceAuthnDevice', t.noDeviceAuthnDevice, 4000042, 'error', 'You have no DeviceAuthn device set up.'],
  [
    'webAuthnVerifierWrong',
    t.webAuthnVerifierWrong,
    4000043,
    'error',
    'The provided web authn login is invalid, please try again.',
  ],
  [
    'deviceAuthnVerifierWrong',
    t.deviceAuthnVerifierWrong,
    4000044,
    'error',
    'The provided DeviceAuthn signature is invalid.',
  ],
  [
    'deviceAuthnRelaxedAttestationNoLongerValid',
    t.deviceAuthnRelaxedAttestationNoLongerValid,
    4000045,
    'error',
    'This DeviceAuthn key can no longer be used because relaxed attestation is expired or disabled. Please enroll your device again.',
  ],
  [
    'deviceAuthnKeyReenrollmentRequired',
    t.deviceAuthnKeyReenrollmentRequired,
    4000046,
    'error',
    'This DeviceAuthn key was enrolled before user verification was introduced and can no longer be used. Please enroll your device again.',
  ],
  [
    'loginNoStrategyFound',
    t.loginNoStrategyFound,
    4010002,
    'error',
    'Could not find a strategy to log you in with. Did you fill out the form correctly?',
  ],
  [
    'registrationNoStrategyFound',
    t.registrationNoStrategyFound,
    4010003,
    'error',
    'Could not find a strategy to sign you up with. Did you fill out the form correctly?',
  ],
  [
    'settingsNoStrategyFound',
    t.settingsNoStrategyFound,
    4010004,
    'error',
    'Could not find a strategy to update your settings. Did you fill out the form correctly?',
  ],
  [
    'recoveryNoStrategyFound',
    t.recoveryNoStrategyFound,
    4010005,
    'error',
    'Could not find a strategy to recover your account with. Did you fill out the form correctly?',
  ],
  [
    'verificationNoStrategyFound',
    t.verificationNoStrategyFound,
    4010006,
    'error',
    'Could not find a strategy to verify your account with. Did you fill out the form correctly?',
  ],
  [
    'loginRetrySuccess',
    t.loginRetrySuccess,
    4010007,
    'error',
    'The request was already completed successfully and can not be retried.',
  ],
  [
    'loginCodeInvalidOrAlreadyUsed',
    t.loginCodeInvalidOrAlreadyUsed,
    4010008,
    'error',
    'The login code is invalid or has already been used. Please try again.',
  ],
  [
    'loginLinkedCredentialsDoNotMatch',
    t.loginLinkedCredentialsDoNotMatch,
    4010009,
    'error',
    'Linked credentials do not match.',
  ],
  [
    'loginAddressUnknown',
    t.loginAddressUnknown,
    4010010,
    'error',
    'The address you entered does not match any known addresses in the current account.',
  ],
  [
    'identityDisabled',
    t.identityDisabled,
    4010011,
    'error',
    'This account has been disabled. Please contact support for assistance.',
  ],
  [
    'registrationRetrySuccess',
    t.registrationRetrySuccess,
    4040002,
    'error',
    'The request was already completed successfully and can not be retried.',
  ],
  [
    'registrationCodeInvalidOrAlreadyUsed',
    t.registrationCodeInvalidOrAlreadyUsed,
    4040003,
    'error',
    'The registration code is invalid or has already been used. Please try again.',
  ],
  [
    'settingsTooManyAddressChanges',
    t.settingsTooManyAddressChanges,
    4050002,
    'error',
    'You can only change one address at a time. Please update each address separately.',
  ],
  [
    'recoveryRetrySuccess',
    t.recoveryRetrySuccess,
    4060001,
    'error',
    'The request was already completed successfully and can not be retried.',
  ],
  [
    'recoveryStateFailure',
    t.recoveryStateFailure,
    4060002,
    'error',
    'The recovery flow reached a failure state and must be retried.',
  ],
  [
    'recoveryTokenInvalidOrAlreadyUsed',
    t.recoveryTokenInvalidOrAlreadyUsed,
    4060004,
    'error',
    'The recovery token is invalid or has already been used. Please retry the flow.',
  ],
  [
    'recoveryCodeInvalidOrAlreadyUsed',
    t.recoveryCodeInvalidOrAlreadyUsed,
    4060006,
    'error',
    'The recovery code is invalid or has already been used. Please try again.',
  ],
  [
    'verificationTokenInvalidOrAlreadyUsed',
    t.verificationTokenInvalidOrAlreadyUsed,
    4070001,
    'error',
    'The verification token is invalid or has already been used. Please retry the flow.',
  ],
  [
    'verificationRetrySuccess',
    t.verificationRetrySuccess,
    4070002,
    'error',
    'The request was already completed successfully and can not be retried.',
  ],
  [
    'verificationStateFailure',
    t.verificationStateFailure,
    4070003,
    'error',
    'The verification flow reached a failure state and must be retried.',
  ],
  [
    'verificationCodeInvalidOrAlreadyUsed',
    t.verificationCodeInvalidOrAlreadyUsed,
    4070006,
    'error',
    'The verification code is invalid or has already been used. Please try again.',
  ],
  [
    'noAuthenticationMethodsAvailable',
    t.noAuthenticationMethodsAvailable,
    5000002,
    'error',
    'No authentication methods are available. Please contact the system administrator.',
  ],
  [
    'organizationNoSsoProviderAvailable',
    t.organizationNoSsoProviderAvailable,
    5000003,
    'error',
    'Your organization requires SSO authentication, but no SSO provider is configured. Please contact the system administrator.',
  ],
];

const expiredContext = '"context":{"expired_at":"2024-01-01T10:00:00Z","expired_at_unix":1704103200}';
const addedAt = new Date('2023-06-01T12:30:00.5Z');

const withContext: [name: string, actual: UiText, json: string][] = [
  [
    'loginWith',
    t.loginWith('GitHub', 'github'),
    '{"id":1010002,"text":"Sign in with GitHub","type":"info","context":{"provider":"GitHub","provider_id":"github"}}',
  ],
  [
    'loginLink',
    t.loginLink('a@b.c', 'google', 'https://x/login', ['password'], ['google']),
    '{"id":1010016,"text":"You tried to sign in with \\"a@b.c\\", but that email is already used by another account. Sign in to your account with one of the options below to add your account \\"a@b.c\\" at \\"google\\" as another way to sign in.","type":"info","context":{"available_credential_types":["password"],"available_providers":["google"],"duplicateIdentifier":"a@b.c","duplicate_identifier":"a@b.c","newLoginUrl":"https://x/login","new_login_url":"https://x/login","provider":"google"}}',
  ],
  [
    'loginWithAndLink',
    t.loginWithAndLink('google'),
    '{"id":1010018,"text":"Confirm with google","type":"info","context":{"provider":"google"}}',
  ],
  [
    'loginAal2CodeAddress',
    t.loginAal2CodeAddress('email', 'a@b.c'),
    '{"id":1010023,"text":"Send code to a@b.c","type":"info","context":{"address":"a@b.c","channel":"email"}}',
  ],
  [
    'registrationWith',
    t.registrationWith('Google', 'google'),
    '{"id":1040002,"text":"Sign up with Google","type":"info","context":{"provider":"Google","provider_id":"google"}}',
  ],
  [
    'settingsLinkOidc',
    t.settingsLinkOidc('github'),
    '{"id":1050002,"text":"Link github","type":"info","context":{"provider":"github"}}',
  ],
  [
    'settingsUnlinkOidc',
    t.settingsUnlinkOidc('github'),
    '{"id":1050003,"text":"Unlink github","type":"info","context":{"provider":"github"}}',
  ],
  [
    'settingsTotpSecret',
    t.settingsTotpSecret('JBSWY3DPEHPK3PXP'),
    '{"id":1050006,"text":"JBSWY3DPEHPK3PXP","type":"info","context":{"secret":"JBSWY3DPEHPK3PXP"}}',
  ],
  [
    'settingsLookupSecret',
    t.settingsLookupSecret('abcd1234'),
    '{"id":1050009,"text":"abcd1234","type":"info","context":{"secret":"abcd1234"}}',
  ],
  [
    'settingsLookupSecretUsed',
    t.settingsLookupSecretUsed(addedAt),
    '{"id":1050014,"text":"Secret was used at 2023-06-01 12:30:00.5 +0000 UTC","type":"info","context":{"used_at":"2023-06-01T12:30:00.5Z","used_at_unix":1685622600}}',
  ],
  [
    'settingsLookupSecretList',
    t.settingsLookupSecretList([{ code: 'aaaa' }, { code: 'bbbb', usedAt: addedAt }]),
    '{"id":1050015,"text":"aaaa, used","type":"info","context":{"secrets":[{"id":1050009,"text":"aaaa","type":"info","context":{"secret":"aaaa"}},{"id":1050014,"text":"Secret was used at 2023-06-01 12:30:00.5 +0000 UTC","type":"info","context":{"used_at":"2023-06-01T12:30:00.5Z","used_at_unix":1685622600}}]}}',
  ],
  [
    'settingsRemoveWebAuthn',
    t.settingsRemoveWebAuthn('YubiKey', addedAt),
    '{"id":1050018,"text":"Remove security key \\"YubiKey\\"","type":"info","context":{"added_at":"2023-06-01T12:30:00.5Z","added_at_unix":1685622600,"display_name":"YubiKey"}}',
  ],
  [
    'settingsRemovePasskey',
    t.settingsRemovePasskey('unnamed', addedAt),
    '{"id":1050020,"text":"Remove passkey \\"unnamed\\"","type":"info","context":{"added_at":"2023-06-01T12:30:00.5Z","added_at_unix":1685622600,"display_name":"unnamed"}}',
  ],
  [
    'recoverySuccessful',
    t.recoverySuccessful(new Date('2024-01-01T11:00:00Z'), new Date('2024-01-01T10:00:00Z')),
    '{"id":1060001,"text":"You successfully recovered your account. Please change your password or set up an alternative login method (e.g. social sign in) within the next 60.00 minutes.","type":"success","context":{"privilegedSessionExpiresAt":"2024-01-01T11:00:00Z","privileged_session_expires_at":"2024-01-01T11:00:00Z","privileged_session_expires_at_unix":1704106800}}',
  ],
  [
    'recoveryCodeSentToMaskedAddress',
    t.recoveryCodeSentToMaskedAddress('fo****@ex****.com'),
    '{"id":1060004,"text":"A recovery code has been sent to fo****@ex****.com. If you have not received it, check the spelling of the address and make sure to use the address you registered with.","type":"info","context":{"masked_address":"fo****@ex****.com"}}',
  ],
  [
    'nodeLabelFromTitle',
    t.nodeLabelFromTitle('E-Mail', 'traits.email'),
    '{"id":1070002,"text":"E-Mail","type":"info","context":{"name":"traits.email","title":"E-Mail"}}',
  ],
  [
    'validationGeneric',
    t.validationGeneric('"" is not valid "email"'),
    '{"id":4000001,"text":"\\"\\" is not valid \\"email\\"","type":"error","context":{"reason":"\\"\\" is not valid \\"email\\""}}',
  ],
  [
    'validationRequired',
    t.validationRequired('email'),
    '{"id":4000002,"text":"Property email is missing.","type":"error","context":{"property":"email"}}',
  ],
  [
    'validationMinLength',
    t.validationMinLength(25, 9),
    '{"id":4000003,"text":"length must be >= 25, but got 9","type":"error","context":{"actual_length":9,"min_length":25}}',
  ],
  [
    'validationPattern',
    t.validationPattern('^[0-9]+$'),
    '{"id":4000004,"text":"does not match pattern \\"^[0-9]+$\\"","type":"error","context":{"pattern":"^[0-9]+$"}}',
  ],
  [
    'passwordPolicyViolation',
    t.passwordPolicyViolation('it is too weak'),
    '{"id":4000005,"text":"The password can not be used because it is too weak.","type":"error","context":{"reason":"it is too weak"}}',
  ],
  [
    'validationMaxLength',
    t.validationMaxLength(5, 7),
    '{"id":4000017,"text":"length must be <= 5, but got 7","type":"error","context":{"actual_length":7,"max_length":5}}',
  ],
  [
    'validationMinimum',
    t.validationMinimum(1200, 1),
    '{"id":4000018,"text":"must be >= 1200 but found 1","type":"error","context":{"actual":1,"minimum":1200}}',
  ],
  [
    'validationExclusiveMinimum',
    t.validationExclusiveMinimum(0.5, 0.25),
    '{"id":4000019,"text":"must be > 0.5 but found 0.25","type":"error","context":{"actual":0.25,"minimum":0.5}}',
  ],
  [
    'validationMaximum',
    t.validationMaximum(1000000, 2000000),
    '{"id":4000020,"text":"must be <= 1e+06 but found 2e+06","type":"error","context":{"actual":2000000,"maximum":1000000}}',
  ],
  [
    'validationExclusiveMaximum',
    t.validationExclusiveMaximum(10, 10),
    '{"id":4000021,"text":"must be < 10 but found 10","type":"error","context":{"actual":10,"maximum":10}}',
  ],
  [
    'validationMultipleOf',
    t.validationMultipleOf(3, 7),
    '{"id":4000022,"text":"7 not multipleOf 3","type":"error","context":{"actual":7,"base":3}}',
  ],
  [
    'validationMaxItems',
    t.validationMaxItems(2, 3),
    '{"id":4000023,"text":"maximum 2 items allowed, but found 3 items","type":"error","context":{"actual_items":3,"max_items":2}}',
  ],
  [
    'validationMinItems',
    t.validationMinItems(2, 1),
    '{"id":4000024,"text":"minimum 2 items allowed, but found 1 items","type":"error","context":{"actual_items":1,"min_items":2}}',
  ],
  [
    'validationUniqueItems',
    t.validationUniqueItems(0, 2),
    '{"id":4000025,"text":"items at index 0 and 2 are equal","type":"error","context":{"index_a":0,"index_b":2}}',
  ],
  [
    'validationWrongType',
    t.validationWrongType(['string', 'null'], 'number'),
    '{"id":4000026,"text":"expected string or null, but got number","type":"error","context":{"actual_type":"number","allowed_types":["string","null"]}}',
  ],
  [
    'duplicateCredentialsWithHints',
    t.duplicateCredentialsWithHints(['password', 'oidc', 'saml'], ['google', 'github'], 'foo@bar.com'),
    '{"id":4000028,"text":"You tried signing in with foo@bar.com which is already in use by another account. You can sign in using your password, or social sign in. You can sign in using one of the following social sign in providers: Google, Github.","type":"error","context":{"available_credential_types":["password","oidc","saml"],"available_oidc_providers":["google","github"],"credential_identifier_hint":"foo@bar.com"}}',
  ],
  [
    'validationConst',
    t.validationConst('"foo"'),
    '{"id":4000029,"text":"must be equal to constant \\"foo\\"","type":"error","context":{"expected":"\\"foo\\""}}',
  ],
  [
    'passwordMinLength',
    t.passwordMinLength(8, 3),
    '{"id":4000032,"text":"The password must be at least 8 characters long, but got 3.","type":"error","context":{"actual_length":3,"min_length":8}}',
  ],
  [
    'passwordMaxLength',
    t.passwordMaxLength(72, 80),
    '{"id":4000033,"text":"The password must be at most 72 characters long, but got 80.","type":"error","context":{"actual_length":80,"max_length":72}}',
  ],
  [
    'passwordTooManyBreaches',
    t.passwordTooManyBreaches(1234),
    '{"id":4000034,"text":"The password has been found in data breaches and must no longer be used.","type":"error","context":{"breaches":1234}}',
  ],
  [
    'validationEmail',
    t.validationEmail('foo'),
    '{"id":4000040,"text":"Enter a valid email address","type":"error","context":{"value":"foo"}}',
  ],
  [
    'validationPhone',
    t.validationPhone('123'),
    '{"id":4000041,"text":"Enter a valid phone number","type":"error","context":{"value":"123"}}',
  ],
  [
    'loginFlowExpired',
    t.loginFlowExpired(expired, twoMinutesLater),
    `{"id":4010001,"text":"The login flow expired 2.00 minutes ago, please try again.","type":"error",${expiredContext}}`,
  ],
  [
    'registrationFlowExpired',
    t.registrationFlowExpired(expired, twoMinutesLater),
    `{"id":4040001,"text":"The registration flow expired 2.00 minutes ago, please try again.","type":"error",${expiredContext}}`,
  ],
  [
    'settingsFlowExpired',
    t.settingsFlowExpired(expired, twoMinutesLater),
    `{"id":4050001,"text":"The settings flow expired 2.00 minutes ago, please try again.","type":"error",${expiredContext}}`,
  ],
  [
    'recoveryFlowExpired',
    t.recoveryFlowExpired(expired, twoMinutesLater),
    `{"id":4060005,"text":"The recovery flow expired 2.00 minutes ago, please try again.","type":"error",${expiredContext}}`,
  ],
  [
    'verificationFlowExpired',
    t.verificationFlowExpired(expired, twoMinutesLater),
    `{"id":4070005,"text":"The verification flow expired 2.00 minutes ago, please try again.","type":"error",${expiredContext}}`,
  ],
  [
    'systemGeneric',
    t.systemGeneric('boom'),
    '{"id":5000001,"text":"boom","type":"error","context":{"reason":"boom"}}',
  ],
];

describe('message catalog', () => {
  it.each(simple)('case=%s', (_name, make, id, type, text) => {
    expect(JSON.stringify(make())).toBe(JSON.stringify({ id, text, type }));
  });

  it.each(withContext)('case=%s', (_name, actual, json) => {
    expect(JSON.stringify(actual)).toBe(json);
  });

  it('covers every id Kratos emits (kratos-api.md §b.4)', () => {
    const emitted = [
      1010001, 1010002, 1010003, 1010004, 1010005, 1010006, 1010007, 1010008, 1010009, 1010010, 1010011,
      1010012, 1010013, 1010014, 1010015, 1010016, 1010017, 1010018, 1010019, 1010021, 1010022, 1010023,
      1010024, 1010025, 1040001, 1040002, 1040003, 1040004, 1040005, 1040006, 1040007, 1040008, 1040009,
      1050001, 1050002, 1050003, 1050004, 1050005, 1050006, 1050007, 1050008, 1050009, 1050010, 1050011,
      1050012, 1050013, 1050014, 1050015, 1050016, 1050017, 1050018, 1050019, 1050020, 1050023, 1060001,
      1060002, 1060003, 1060004, 1060005, 1060006, 1060007, 1070001, 1070002, 1070003, 1070004, 1070005,
      1070006, 1070007, 1070008, 1070009, 1070010, 1070011, 1070012, 1070013, 1070014, 1070015, 1070016,
      1070017, 1070018, 1080001, 1080002, 1080003, 1080004, 1080005, 4000001, 4000002, 4000003, 4000004,
      4000005, 4000006, 4000007, 4000008, 4000009, 4000010, 4000011, 4000012, 4000013, 4000014, 4000015,
      4000016, 4000017, 4000018, 4000019, 4000020, 4000021, 4000022, 4000023, 4000024, 4000025, 4000026,
      4000027, 4000028, 4000029, 4000030, 4000031, 4000032, 4000033, 4000034, 4000035, 4000036, 4000037,
      4000038, 4000039, 4000040, 4000041, 4000042, 4000043, 4000044, 4000045, 4000046, 4010001, 4010002,
      4010003, 4010004, 4010005, 4010006, 4010007, 4010008, 4010009, 4010010, 4010011, 4040001, 4040002,
      4040003, 4050001, 4050002, 4060001, 4060002, 4060004, 4060005, 4060006, 4070001, 4070002, 4070003,
      4070005, 4070006, 5000001, 5000002, 5000003,
    ];
    const covered = new Set([...simple.map((s) => s[2]), ...withContext.map((c) => c[1].id)]);
    expect(emitted.filter((id) => !covered.has(id))).toEqual([]);
  });

  it('picks the verification text by channel', () => {
    expect(t.verificationCodeSent('sms').id).toBe(1080004);
    expect(t.verificationCodeSent('email').id).toBe(1080003);
  });

  it('title-cases provider names like golang.org/x/text/cases', () => {
    expect(t.goTitleCase('github')).toBe('Github');
    expect(t.goTitleCase('GitHub')).toBe('Github');
    expect(t.goTitleCase('my-provider')).toBe('My-Provider');
    const hint = t.duplicateCredentialsWithHints(['{available_credential_types_list}'], ['{x_list}'], '');
    expect(hint.text).toBe(
      'You tried signing in with an email, phone, or username which is already in use by another account. You can sign in using {available_credential_types_list}. You can sign in using one of the following social sign in providers: {x_list}.',
    );
  });

  it('writes nil credential lists as null like Go', () => {
    expect(JSON.stringify(t.duplicateCredentialsWithHints(null, null, 'x').context)).toBe(
      '{"available_credential_types":null,"available_oidc_providers":null,"credential_identifier_hint":"x"}',
    );
  });
});
