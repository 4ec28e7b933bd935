// Identity and address ids: RFC 9562 UUIDv7 (48-bit Unix milliseconds, then randomness from the CSPRNG).
// Kratos uses random v4 UUIDs; time-ordered ids are equally opaque to clients but make inserts append to
// the end of every B-tree keyed by them, which keeps bulk imports fast as the database grows (a random key
// dirties a different page per row). A 12-bit counter keeps ids from one millisecond in order.
import { randomFillSync } from 'node:crypto';
import type { Identity } from './model';

let lastMs = 0;
let counter = 0;
const bytes = Buffer.alloc(16);
// Random bytes are drawn from the CSPRNG in blocks: one system call per id would cost more than the insert.
const pool = Buffer.alloc(4096);
let poolOffset = pool.length;

export function newIdentityId(now = Date.now()): string {
  if (poolOffset + 10 > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  pool.copy(bytes, 6, poolOffset, poolOffset + 10);
  poolOffset += 10;
  if (now > lastMs) {
    lastMs = now;
    counter = bytes.readUInt16BE(6) & 0x7ff; // start low in the 12-bit space, leaving room to count up
  } else if (++counter > 0xfff) {
    lastMs += 1; // more than 2k ids in one millisecond: borrow the next millisecond
    counter = 0;
  }
  bytes.writeUIntBE(lastMs, 0, 6);
  bytes.writeUInt16BE(0x7000 | counter, 6);
  bytes[8] = 0x80 | ((bytes[8] as number) & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A new active identity signing up with `traits` (no credentials or addresses yet: validation adds them). */
export function newSignUpIdentity(schemaId: string, traits: unknown, at: string): Identity {
  return {
    id: newIdentityId(),
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
