// Method payloads are checked against a small JSON schema before a strategy acts on them, as Kratos's
// decoderx does with HTTPDecoderSetValidatePayloads: a wrong type becomes a form message, never a 500.
import { compileIdentitySchema } from '../../schema/validator';
import type { JsonObject } from '../../schema/model';

export interface PayloadValidator {
  /** Throws a SchemaValidationError when the body does not match. */
  assert(body: Record<string, unknown>): void;
}

export function payloadValidator(schema: JsonObject): PayloadValidator {
  const compiled = compileIdentitySchema(schema);
  return {
    assert(body) {
      const invalid = compiled.validate(body);
      if (invalid) throw invalid;
    },
  };
}
