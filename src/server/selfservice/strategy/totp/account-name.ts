// The TOTP account name (selfservice/strategy/totp/schema_extension.go): the value of the trait flagged
// `ory.sh/kratos.credentials.totp.account_name` (the last one when several are), else the identity id.
import type { Identity } from '../../../identity/model';
import type { JsonObject } from '../../../schema/model';
import { walkExtensions } from '../../../schema/validator';

export function totpAccountName(identity: Identity, schema: JsonObject | undefined): string {
  let name = identity.id;
  if (!schema) return name;
  for (const hit of walkExtensions(schema, { traits: identity.traits })) {
    if (hit.extension.credentials?.totp?.account_name) {
      name = typeof hit.value === 'string' ? hit.value : JSON.stringify(hit.value);
    }
  }
  return name;
}
