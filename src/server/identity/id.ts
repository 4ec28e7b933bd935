// New identities. Their ids, like every record id, are UUIDv7 (see ../id.ts).
import { newId } from '../id';
import type { Identity } from './model';

/** A new active identity signing up with `traits` (no credentials or addresses yet: validation adds them). */
export function newSignUpIdentity(schemaId: string, traits: unknown, at: string): Identity {
  return {
    id: newId(),
    schema_id: schemaId,
    state: 'active',
    state_changed_at: at,
    traits,
    metadata_public: null,
    metadata_admin: null,
    credentials: {},
    verifiable_addresses: [],
    recovery_addresses: [],
    created_at: at,
    updated_at: at,
  };
}
