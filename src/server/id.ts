// Record ids and small secrets from the CSPRNG.
//
// Ids are RFC 9562 UUIDv7 (48-bit Unix milliseconds, then randomness). Kratos uses random v4 UUIDs; time-
// ordered ids are equally opaque to clients but make inserts append to the end of every B-tree keyed by
// them, which keeps writes cheap as the database grows (a random key dirties a different page per row).
// A 12-bit counter keeps ids from one millisecond in order.
import { randomFillSync } from 'node:crypto';

// Random bytes are drawn from the CSPRNG in blocks, as Node's randomUUID does: a call into the CSPRNG per
// id or token costs more than the insert that stores it. Each pooled byte is handed out once.
const pool = Buffer.alloc(8192);
let poolOffset = pool.length;

/** `size` fresh bytes from the CSPRNG (at most 1 KiB; larger requests should call randomBytes). */
export function secureRandomBytes(size: number): Buffer {
  if (size > 1024) throw new RangeError('secureRandomBytes serves at most 1024 bytes');
  if (poolOffset + size > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const out = Buffer.from(pool.subarray(poolOffset, poolOffset + size));
  pool.fill(0, poolOffset, poolOffset + size);
  poolOffset += size;
  return out;
}

let lastMs = 0;
let counter = 0;

export function newId(now = Date.now()): string {
  const bytes = secureRandomBytes(16);
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
