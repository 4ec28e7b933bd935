// MD4 (RFC 1320), needed only to verify imported $hmac-md4$ hashes: OpenSSL 3's default provider no longer
// offers MD4, and loading the legacy provider would change crypto for the whole process.

const S1 = [3, 7, 11, 19];
const S2 = [3, 5, 9, 13];
const S3 = [3, 9, 11, 15];
const R3_ORDER = [0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15];

function rotl(x: number, n: number): number {
  return (x << n) | (x >>> (32 - n));
}

/** Computes the 16-byte MD4 digest of `input`. */
export function md4(input: Uint8Array): Buffer {
  // Padding: 0x80, zeros up to 56 mod 64, then the bit length as a 64-bit little-endian integer.
  const blocks = Math.ceil((input.length + 9) / 64);
  const msg = Buffer.alloc(blocks * 64);
  msg.set(input);
  msg[input.length] = 0x80;
  const bits = input.length * 8;
  msg.writeUInt32LE(bits >>> 0, msg.length - 8);
  msg.writeUInt32LE(Math.floor(bits / 2 ** 32) >>> 0, msg.length - 4);

  let a = 0x67452301;
  let b = 0xefcdab89;
  let c = 0x98badcfe;
  let d = 0x10325476;
  const x = new Array<number>(16);

  for (let off = 0; off < msg.length; off += 64) {
    for (let i = 0; i < 16; i++) x[i] = msg.readUInt32LE(off + i * 4);
    const [aa, bb, cc, dd] = [a, b, c, d];
    const word = (i: number): number => x[i] as number;

    // Round 1: F(x,y,z) = (x & y) | (~x & z), words in order.
    for (let i = 0; i < 16; i++) {
      const t = rotl((a + ((b & c) | (~b & d)) + word(i)) | 0, S1[i % 4] as number);
      [a, b, c, d] = [d, t, b, c];
    }
    // Round 2: G(x,y,z) = majority, words by column, constant sqrt(2).
    for (let i = 0; i < 16; i++) {
      const k = (i % 4) * 4 + Math.floor(i / 4);
      const g = (b & c) | (b & d) | (c & d);
      const t = rotl((a + g + word(k) + 0x5a827999) | 0, S2[i % 4] as number);
      [a, b, c, d] = [d, t, b, c];
    }
    // Round 3: H(x,y,z) = x ^ y ^ z, bit-reversed word order, constant sqrt(3).
    for (let i = 0; i < 16; i++) {
      const t = rotl((a + (b ^ c ^ d) + word(R3_ORDER[i] as number) + 0x6ed9eba1) | 0, S3[i % 4] as number);
      [a, b, c, d] = [d, t, b, c];
    }

    a = (a + aa) | 0;
    b = (b + bb) | 0;
    c = (c + cc) | 0;
    d = (d + dd) | 0;
  }

  const out = Buffer.alloc(16);
  out.writeInt32LE(a, 0);
  out.writeInt32LE(b, 4);
  out.writeInt32LE(c, 8);
  out.writeInt32LE(d, 12);
  return out;
}

/** HMAC (RFC 2104) over MD4, whose block size is 64 bytes. */
export function hmacMd4(key: Uint8Array, message: Uint8Array): Buffer {
  const k = Buffer.alloc(64);
  k.set(key.length > 64 ? md4(key) : key);
  const inner = Buffer.alloc(64);
  const outer = Buffer.alloc(64);
  for (let i = 0; i < 64; i++) {
    inner[i] = (k[i] as number) ^ 0x36;
    outer[i] = (k[i] as number) ^ 0x5c;
  }
  return md4(Buffer.concat([outer, md4(Buffer.concat([inner, message]))]));
}
