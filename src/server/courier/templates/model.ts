// The template models the flows pass in, with Kratos's Go field names, and their conversion to what
// templates see (every struct field present, Go zero values for missing ones) and to the stored
// template data (JSON names, like Kratos's json.Marshal of the model).
import type { TemplateType } from '../model';
import { type Channel, type FieldSpec, fieldsOf } from './spec';

export type JsonObject = Record<string, unknown>;

/** Kratos's scoped view of the OAuth2 login request (courier/template/oauth2.go). */
export interface OAuth2LoginRequest {
  Challenge: string;
  Client: { ClientID: string; ClientName?: string; ClientURI?: string; LogoURI?: string; Metadata?: unknown };
}

interface Base {
  To: string;
  TransientPayload?: JsonObject | null;
}
interface Req {
  RequestURL?: string;
}
interface Ident {
  Identity?: JsonObject | null;
}
/** A Go int: pass a bigint (15n) so `printf "%d"` and `eq .ExpiresInMinutes 15` behave as in Kratos. */
interface Expiry {
  ExpiresInMinutes?: bigint | number;
}
interface OAuth2 {
  OAuth2LoginRequest?: OAuth2LoginRequest | null;
}
interface Domain {
  RequestURLDomain?: string;
}
type Invalid = Base & Req;

export interface EmailModels {
  recovery_invalid: Invalid;
  recovery_valid: Base & Req & Ident & Expiry & { RecoveryURL: string };
  recovery_code_invalid: Invalid;
  recovery_code_valid: Base & Req & Ident & Expiry & { RecoveryCode: string };
  verification_invalid: Invalid;
  verification_valid: Base & Req & Ident & Expiry & OAuth2 & { VerificationURL: string };
  verification_code_invalid: Invalid;
  verification_code_valid: Base &
    Req &
    Ident &
    Expiry &
    OAuth2 & { VerificationURL: string; VerificationCode: string };
  login_code_valid: Base & Req & Ident & Expiry & OAuth2 & { LoginCode: string };
  registration_code_valid: Base &
    Req &
    Expiry &
    OAuth2 & { Traits?: JsonObject | null; RegistrationCode: string };
  verifiable_address_changed: Base & Ident & { ChangedAt?: string };
  authenticator_key_added: Base & Ident & { AddedAt?: string };
  stub: { To: string; Subject?: string; Body?: string; HTMLBody?: string };
}

export interface SmsModels {
  recovery_code_valid: Base & Req & Domain & Ident & Expiry & { RecoveryCode: string };
  verification_code_valid: Base & Req & Domain & Ident & Expiry & OAuth2 & { VerificationCode: string };
  login_code_valid: Base & Req & Domain & Ident & Expiry & OAuth2 & { LoginCode: string };
  registration_code_valid: Base & Req & Domain & Ident & Expiry & OAuth2 & { RegistrationCode: string };
  verifiable_address_changed: Base & Ident & { ChangedAt?: string };
  authenticator_key_added: Base & Ident & { AddedAt?: string };
  stub: { To: string; Body?: string; Identity?: JsonObject | null };
}

export type EmailTemplateType = keyof EmailModels;
export type SmsTemplateType = keyof SmsModels;

const OAUTH2_CLIENT_FIELDS: readonly (readonly [go: string, json: string])[] = [
  ['ClientID', 'client_id'],
  ['ClientName', 'client_name'],
  ['ClientURI', 'client_uri'],
  ['LogoURI', 'logo_uri'],
  ['Metadata', 'metadata'],
];

function isObject(v: unknown): v is JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function toGoInt(v: unknown): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return BigInt(Math.trunc(v));
  if (typeof v === 'string' && /^-?\d+$/.test(v)) return BigInt(v);
  return 0n;
}

function oauth2ForTemplate(v: unknown): JsonObject | null {
  if (!isObject(v)) return null;
  const client = isObject(v.Client) ? v.Client : {};
  return {
    Challenge: typeof v.Challenge === 'string' ? v.Challenge : '',
    Client: Object.fromEntries(
      OAUTH2_CLIENT_FIELDS.map(([go]) => [go, client[go] ?? (go === 'Metadata' ? null : '')]),
    ),
  };
}

function oauth2ToJSON(v: JsonObject): JsonObject {
  const client = isObject(v.Client) ? v.Client : {};
  const json: JsonObject = {};
  for (const [go, name] of OAUTH2_CLIENT_FIELDS) {
    const value = client[go];
    // client_id is always written; the others are omitempty in Kratos.
    if (name === 'client_id' || (value !== '' && value !== null && value !== undefined))
      json[name] = value ?? '';
  }
  return { challenge: v.Challenge ?? '', client: json };
}

function oauth2FromJSON(v: unknown): JsonObject | null {
  if (!isObject(v)) return null;
  const client = isObject(v.client) ? v.client : {};
  return oauth2ForTemplate({
    Challenge: v.challenge,
    Client: Object.fromEntries(OAUTH2_CLIENT_FIELDS.map(([go, name]) => [go, client[name]])),
  });
}

function zeroOrValue(spec: FieldSpec, v: unknown): unknown {
  switch (spec.kind) {
    case 'string':
      return typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
    case 'int':
      return toGoInt(v);
    case 'map':
      return isObject(v) ? v : null;
    case 'oauth2':
      return oauth2ForTemplate(v);
  }
}

function specOrThrow(type: TemplateType, channel: Channel): readonly FieldSpec[] {
  const fields = fieldsOf(type, channel);
  if (!fields) throw new Error(`courier: template type ${type} has no ${channel} variant`);
  return fields;
}

/** The Go struct the templates see: every field present, zero values for missing ones. */
export function templateModel(type: TemplateType, channel: Channel, input: object): JsonObject {
  const given = input as JsonObject;
  const model: JsonObject = {};
  for (const spec of specOrThrow(type, channel)) {
    model[spec.go] = zeroOrValue(spec, Object.hasOwn(given, spec.go) ? given[spec.go] : undefined);
  }
  return model;
}

/** json.Marshal of the model: Kratos's JSON names, what the HTTP channel and the database see. */
export function templateData(type: TemplateType, channel: Channel, model: JsonObject): JsonObject {
  const data: JsonObject = {};
  for (const spec of specOrThrow(type, channel)) {
    const v = model[spec.go];
    if (spec.kind === 'int') data[spec.json] = Number(toGoInt(v));
    else if (spec.kind === 'oauth2') {
      if (isObject(v)) data[spec.json] = oauth2ToJSON(v);
    } else if (spec.json === 'html_body') {
      if (v !== '' && v !== undefined) data[spec.json] = v;
    } else data[spec.json] = jsonSafe(v ?? null);
  }
  return data;
}

/** The inverse of templateData, to render a stored message again (ints become Go ints). */
export function modelFromTemplateData(type: TemplateType, channel: Channel, data: JsonObject): JsonObject {
  const model: JsonObject = {};
  for (const spec of specOrThrow(type, channel)) {
    const v = data[spec.json];
    model[spec.go] = spec.kind === 'oauth2' ? oauth2FromJSON(v) : zeroOrValue(spec, v);
  }
  return model;
}

/** A deep copy with Go ints (bigint) turned into JSON numbers. */
export function jsonSafe(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v)) return v.map(jsonSafe);
  if (isObject(v)) {
    const out: JsonObject = {};
    for (const [k, val] of Object.entries(v)) {
      Object.defineProperty(out, k, {
        value: jsonSafe(val),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return v;
}
