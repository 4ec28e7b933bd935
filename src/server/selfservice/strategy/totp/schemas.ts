// The payloads the TOTP method accepts (Kratos's selfservice/strategy/totp/.schema/{login,settings}.schema.json),
// validated like decoderx validates them: a wrong type or a short code becomes a message on its node.
import { compileIdentitySchema } from '../../../schema/validator';

const transientPayload = { type: 'object', additionalProperties: true };

export const totpLoginPayload = compileIdentitySchema({
  type: 'object',
  required: ['totp_code', 'method'],
  properties: {
    csrf_token: { type: 'string' },
    method: { type: 'string' },
    totp_code: { type: 'string', minLength: 6 },
    transient_payload: transientPayload,
  },
});

// Kratos's settings schema puts the six-character rule in a `then` that constrains nothing (it lacks
// `properties`), so a code of the wrong length is simply a wrong code there (4000008), not a length error.
export const totpSettingsPayload = compileIdentitySchema({
  type: 'object',
  properties: {
    csrf_token: { type: 'string' },
    method: { type: 'string' },
    totp_code: { type: 'string' },
    totp_unlink: { type: 'boolean' },
    transient_payload: transientPayload,
  },
});
