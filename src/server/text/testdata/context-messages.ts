// Kratos's messages with context, as the exact JSON Kratos emits (text/message_*.go).
import * as t from '../index';
import type { UiText } from '../index';

const expired = new Date('2024-01-01T10:00:00Z');
const twoMinutesLater = new Date('2024-01-01T10:02:00Z');
const expiredContext = '"context":{"expired_at":"2024-01-01T10:00:00Z","expired_at_unix":1704103200}';
const addedAt = new Date('2023-06-01T12:30:00.5Z');

export const withContext: [name: string, actual: UiText, json: string][] = [
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
