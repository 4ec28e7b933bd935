// The checks Kratos's method schemas (selfservice/strategy/{webauthn,passkey}/.schema/*.schema.json) make on
// a submission before the strategy looks at it: the method's fields are strings and transient_payload an
// object. A wrong type becomes 4000026 on that field, as the JSON-schema validator reports it.
import { validationWrongType } from '../../../text/validation';
import { uiError } from '../../flow/ui-error';

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/** Throws 4000026 for the first field that is present but not a string. */
export function assertStringFields(body: Record<string, unknown>, names: string[]): void {
  for (const name of names) {
    if (!Object.hasOwn(body, name)) continue;
    const v = body[name];
    if (typeof v !== 'string') throw uiError(validationWrongType(['string'], jsonType(v)), name);
  }
  const payload = Object.hasOwn(body, 'transient_payload') ? body.transient_payload : undefined;
  if (payload !== undefined && (payload === null || typeof payload !== 'object' || Array.isArray(payload))) {
    throw uiError(validationWrongType(['object'], jsonType(payload)), 'transient_payload');
  }
}

export const stringField = (body: Record<string, unknown>, name: string): string => {
  const v = Object.hasOwn(body, name) ? body[name] : undefined;
  return typeof v === 'string' ? v : '';
};

export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);
