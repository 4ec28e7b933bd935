// The shapes of `code` submissions (Kratos validates them with the method's JSON schema before acting,
// selfservice/strategy/code/.schema/{login,registration}.schema.json): wrong types become form messages
// on the offending field, never a 500.
import { compileIdentitySchema, type CompiledSchema } from '../../../schema/validator';

const text = { type: 'string' };
const resend = { type: 'string', enum: ['code'] };
const transientPayload = { type: 'object', additionalProperties: true };

const loginSchema = compileIdentitySchema({
  type: 'object',
  properties: {
    method: text,
    code: text,
    identifier: text,
    address: text,
    resend,
    flow: { type: 'string', format: 'uuid' },
    csrf_token: text,
    transient_payload: transientPayload,
  },
});

// `traits` is checked against the identity schema when the identity is validated.
const registrationSchema = compileIdentitySchema({
  type: 'object',
  properties: { method: text, csrf_token: text, code: text, resend, transient_payload: transientPayload },
});

function check(schema: CompiledSchema, body: Record<string, unknown>): void {
  const problem = schema.validate(body);
  if (problem) throw problem;
}

export interface LoginCodeBody {
  method: string;
  code: string;
  identifier: string;
  address: string;
  resend: string;
  csrf_token?: string;
  transient_payload?: Record<string, unknown>;
}

export interface RegistrationCodeBody {
  method: string;
  code: string;
  resend: string;
  /** Absent when the submission had none (Kratos answers "Property traits is missing."). */
  traits?: unknown;
  csrf_token?: string;
  transient_payload?: Record<string, unknown>;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const obj = (v: unknown): Record<string, unknown> | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/** Strings (as typed) of a login submission; throws a SchemaValidationError for wrong types. */
export function readLoginBody(body: Record<string, unknown>): LoginCodeBody {
  check(loginSchema, body);
  return {
    method: str(body.method),
    code: str(body.code),
    identifier: str(body.identifier),
    address: str(body.address),
    resend: str(body.resend),
    ...(typeof body.csrf_token === 'string' ? { csrf_token: body.csrf_token } : {}),
    ...(obj(body.transient_payload) ? { transient_payload: obj(body.transient_payload) } : {}),
  };
}

/** The fields of a registration submission; throws a SchemaValidationError for wrong types. */
export function readRegistrationBody(body: Record<string, unknown>): RegistrationCodeBody {
  check(registrationSchema, body);
  return {
    method: str(body.method),
    code: str(body.code),
    resend: str(body.resend),
    ...(body.traits !== undefined ? { traits: body.traits } : {}),
    ...(typeof body.csrf_token === 'string' ? { csrf_token: body.csrf_token } : {}),
    ...(obj(body.transient_payload) ? { transient_payload: obj(body.transient_payload) } : {}),
  };
}

/** Partial reads for error handling, when validation failed: only what has the right type. */
export const stringField = str;
