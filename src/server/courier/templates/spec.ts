// Where each template type's files live and what its Go model looks like
// (courier/template/{email,sms}/*.go). Templates see the Go field names (`.RecoveryCode`); the
// stored template data and the HTTP channel use the JSON names (`recovery_code`).
import type { TemplateType } from '../model';

/** How a field is converted: Go string, Go int (bigint in templates), JSON map, or the OAuth2 view. */
export type FieldKind = 'string' | 'int' | 'map' | 'oauth2';

export interface FieldSpec {
  go: string;
  json: string;
  kind: FieldKind;
}

export interface TemplateSpec {
  /** Folder below the template root, as in Kratos (`recovery_code/valid`, `verifiable_address_changed`). */
  dir: string;
  /** Key below `courier.templates` (`recovery_code.valid`, `verifiable_address_changed`). */
  configKey: string;
  email?: readonly FieldSpec[];
  sms?: readonly FieldSpec[];
}

const f = (go: string, json: string, kind: FieldKind = 'string'): FieldSpec => ({ go, json, kind });

const TO = f('To', 'to');
const IDENTITY = f('Identity', 'identity', 'map');
const REQUEST_URL = f('RequestURL', 'request_url');
const REQUEST_URL_DOMAIN = f('RequestURLDomain', 'request_url_domain');
const TRANSIENT = f('TransientPayload', 'transient_payload', 'map');
const EXPIRES = f('ExpiresInMinutes', 'expires_in_minutes', 'int');
const OAUTH2 = f('OAuth2LoginRequest', 'oauth2_login_request', 'oauth2');

const INVALID: readonly FieldSpec[] = [TO, REQUEST_URL, TRANSIENT];

export const TEMPLATE_SPECS: Readonly<Record<TemplateType, TemplateSpec>> = {
  recovery_invalid: { dir: 'recovery/invalid', configKey: 'recovery.invalid', email: INVALID },
  recovery_valid: {
    dir: 'recovery/valid',
    configKey: 'recovery.valid',
    email: [TO, f('RecoveryURL', 'recovery_url'), IDENTITY, REQUEST_URL, TRANSIENT, EXPIRES],
  },
  recovery_code_invalid: { dir: 'recovery_code/invalid', configKey: 'recovery_code.invalid', email: INVALID },
  recovery_code_valid: {
    dir: 'recovery_code/valid',
    configKey: 'recovery_code.valid',
    email: [TO, f('RecoveryCode', 'recovery_code'), IDENTITY, REQUEST_URL, TRANSIENT, EXPIRES],
    // Kratos's SMS model really tags RecoveryCode `json:"verification_code"` (sms/recovery_code.go).
    sms: [
      TO,
      f('RecoveryCode', 'verification_code'),
      IDENTITY,
      REQUEST_URL,
      REQUEST_URL_DOMAIN,
      TRANSIENT,
      EXPIRES,
    ],
  },
  verification_invalid: { dir: 'verification/invalid', configKey: 'verification.invalid', email: INVALID },
  verification_valid: {
    dir: 'verification/valid',
    configKey: 'verification.valid',
    email: [TO, f('VerificationURL', 'verification_url'), IDENTITY, REQUEST_URL, TRANSIENT, EXPIRES, OAUTH2],
  },
  verification_code_invalid: {
    dir: 'verification_code/invalid',
    configKey: 'verification_code.invalid',
    email: INVALID,
  },
  verification_code_valid: {
    dir: 'verification_code/valid',
    configKey: 'verification_code.valid',
    email: [
      TO,
      f('VerificationURL', 'verification_url'),
      f('VerificationCode', 'verification_code'),
      IDENTITY,
      REQUEST_URL,
      TRANSIENT,
      EXPIRES,
      OAUTH2,
    ],
    sms: [
      TO,
      f('VerificationCode', 'verification_code'),
      IDENTITY,
      REQUEST_URL,
      REQUEST_URL_DOMAIN,
      TRANSIENT,
      EXPIRES,
      OAUTH2,
    ],
  },
  login_code_valid: {
    dir: 'login_code/valid',
    configKey: 'login_code.valid',
    email: [TO, f('LoginCode', 'login_code'), IDENTITY, REQUEST_URL, TRANSIENT, EXPIRES, OAUTH2],
    sms: [
      TO,
      f('LoginCode', 'login_code'),
      IDENTITY,
      REQUEST_URL,
      REQUEST_URL_DOMAIN,
      TRANSIENT,
      EXPIRES,
      OAUTH2,
    ],
  },
  registration_code_valid: {
    dir: 'registration_code/valid',
    configKey: 'registration_code.valid',
    email: [
      TO,
      f('Traits', 'traits', 'map'),
      f('RegistrationCode', 'registration_code'),
      REQUEST_URL,
      TRANSIENT,
      EXPIRES,
      OAUTH2,
    ],
    sms: [
      TO,
      f('RegistrationCode', 'registration_code'),
      IDENTITY,
      REQUEST_URL,
      REQUEST_URL_DOMAIN,
      TRANSIENT,
      EXPIRES,
      OAUTH2,
    ],
  },
  verifiable_address_changed: {
    dir: 'verifiable_address_changed',
    configKey: 'verifiable_address_changed',
    email: [TO, IDENTITY, f('ChangedAt', 'changed_at'), TRANSIENT],
    sms: [TO, IDENTITY, f('ChangedAt', 'changed_at'), TRANSIENT],
  },
  authenticator_key_added: {
    dir: 'authenticator_key_added',
    configKey: 'authenticator_key_added',
    email: [TO, IDENTITY, f('AddedAt', 'added_at'), TRANSIENT],
    sms: [TO, IDENTITY, f('AddedAt', 'added_at'), TRANSIENT],
  },
  // The stub is not rendered: Kratos's TestStub returns its fields as they are.
  stub: {
    dir: 'test_stub',
    configKey: 'stub',
    email: [TO, f('Subject', 'subject'), f('Body', 'body'), f('HTMLBody', 'html_body')],
    sms: [TO, f('Body', 'body'), IDENTITY],
  },
};

export type Channel = 'email' | 'sms';

export function fieldsOf(type: TemplateType, channel: Channel): readonly FieldSpec[] | undefined {
  return TEMPLATE_SPECS[type][channel];
}

/** The template types that have an email (or SMS) variant. */
export function templateTypesFor(channel: Channel): TemplateType[] {
  return (Object.keys(TEMPLATE_SPECS) as TemplateType[]).filter((t) => TEMPLATE_SPECS[t][channel]);
}
