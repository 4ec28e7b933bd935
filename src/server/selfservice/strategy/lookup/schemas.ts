// The payloads the lookup_secret method accepts (Kratos's selfservice/strategy/lookup/.schema/*.json).
import { compileIdentitySchema } from '../../../schema/validator';

const transientPayload = { type: 'object', additionalProperties: true };

export const lookupLoginPayload = compileIdentitySchema({
  type: 'object',
  required: ['lookup_secret', 'method'],
  properties: {
    csrf_token: { type: 'string' },
    method: { type: 'string' },
    lookup_secret: { type: 'string' },
    transient_payload: transientPayload,
  },
});

export const lookupSettingsPayload = compileIdentitySchema({
  type: 'object',
  properties: {
    csrf_token: { type: 'string' },
    method: { type: 'string' },
    lookup_secret_disable: { type: 'boolean' },
    lookup_secret_reveal: { type: 'boolean' },
    lookup_secret_regenerate: { type: 'boolean' },
    lookup_secret_confirm: { type: 'boolean' },
    transient_payload: transientPayload,
  },
});
