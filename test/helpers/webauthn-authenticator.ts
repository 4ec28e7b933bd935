// A software WebAuthn authenticator for contract tests: ES256 keys from node:crypto, "none" attestation,
// discoverable credentials that remember their user handle. It answers Kratos-shaped options
// (`{publicKey: {...}}` with base64url fields) with the JSON Kratos's webauthn.js would put into the hidden
// input, so tests can drive registration and sign-in exactly as a browser would.
import { createHash, createSign, generateKeyPairSync, type KeyObject, randomBytes } from 'node:crypto';

type Cbor = number | string | Buffer | Cbor[] | Map<Cbor, Cbor> | { [key: string]: Cbor };

function head(major: number, length: number): Buffer {
  if (length < 24) return Buffer.from([(major << 5) | length]);
  if (length < 0x100) return Buffer.from([(major << 5) | 24, length]);
  if (length < 0x10000) {
    const b = Buffer.alloc(3);
    b[0] = (major << 5) | 25;
    b.writeUInt16BE(length, 1);
    return b;
  }
  const b = Buffer.alloc(5);
  b[0] = (major << 5) | 26;
  b.writeUInt32BE(length, 1);
  return b;
}

/** Minimal CBOR (RFC 8949) encoder: integers, byte and text strings, arrays, maps. */
export function cbor(value: Cbor): Buffer {
  if (typeof value === 'number') return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === 'string') {
    const bytes = Buffer.from(value, 'utf8');
    return Buffer.concat([head(3, bytes.length), bytes]);
  }
  if (Buffer.isBuffer(value)) return Buffer.concat([head(2, value.length), value]);
  if (Array.isArray(value)) return Buffer.concat([head(4, value.length), ...value.map(cbor)]);
  const entries = value instanceof Map ? [...value.entries()] : Object.entries(value);
  return Buffer.concat([head(5, entries.length), ...entries.flatMap(([k, v]) => [cbor(k), cbor(v)])]);
}

const sha256 = (data: Buffer | string): Buffer => createHash('sha256').update(data).digest();
const b64url = (b: Buffer): string => b.toString('base64url');
const fromB64url = (s: string): Buffer => Buffer.from(s, 'base64url');

export interface StoredKey {
  id: Buffer;
  rpId: string;
  userHandle: Buffer;
  privateKey: KeyObject;
  signCount: number;
}

export interface AuthenticatorOptions {
  /** Sets the UV flag (default true). */
  userVerified?: boolean;
  aaguid?: Buffer;
  /** Backup eligibility (BE) and state (BS) flags. */
  backupEligible?: boolean;
  backupState?: boolean;
}

interface CreationOptionsJson {
  publicKey: {
    rp: { id: string; name: string };
    user: { id: string; name: string; displayName: string };
    challenge: string;
    excludeCredentials?: { id: string }[];
  };
}

interface RequestOptionsJson {
  publicKey: { challenge: string; rpId?: string; allowCredentials?: { id: string }[] };
}

/** Options as the flow's node carries them (a JSON string) or already parsed. */
function parseOptions<T>(options: object | string): T {
  return (typeof options === 'string' ? JSON.parse(options) : options) as T;
}

export interface CeremonyOverrides {
  origin?: string;
  challenge?: string;
  rpId?: string;
  type?: string;
}

export class SoftwareAuthenticator {
  readonly keys: StoredKey[] = [];

  constructor(private readonly opts: AuthenticatorOptions = {}) {}

  private flags(attested: boolean): number {
    let f = 0x01; // user present
    if (this.opts.userVerified !== false) f |= 0x04;
    if (this.opts.backupEligible) f |= 0x08;
    if (this.opts.backupState) f |= 0x10;
    if (attested) f |= 0x40;
    return f;
  }

  private clientData(type: string, challenge: string, origin: string): Buffer {
    return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }), 'utf8');
  }

  /** navigator.credentials.create(): a new ES256 credential, always discoverable. */
  create(options: object | string, origin: string, o: CeremonyOverrides = {}): string {
    const pk = parseOptions<CreationOptionsJson>(options).publicKey;
    const rpId = o.rpId ?? pk.rp.id;
    const excluded = (pk.excludeCredentials ?? []).map((d) => d.id);
    if (this.keys.some((k) => k.rpId === rpId && excluded.includes(b64url(k.id)))) {
      throw new Error('InvalidStateError: the authenticator already holds an excluded credential');
    }
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = publicKey.export({ format: 'jwk' });
    const cose = cbor(
      new Map<Cbor, Cbor>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, Buffer.from(jwk.x as string, 'base64url')],
        [-3, Buffer.from(jwk.y as string, 'base64url')],
      ]),
    );
    const id = randomBytes(32);
    const key: StoredKey = { id, rpId, userHandle: fromB64url(pk.user.id), privateKey, signCount: 0 };
    this.keys.push(key);
    const length = Buffer.alloc(2);
    length.writeUInt16BE(id.length);
    const authData = Buffer.concat([
      sha256(rpId),
      Buffer.from([this.flags(true)]),
      Buffer.alloc(4),
      this.opts.aaguid ?? Buffer.alloc(16),
      length,
      id,
      cose,
    ]);
    const attestationObject = cbor({ fmt: 'none', attStmt: {}, authData });
    const clientDataJSON = this.clientData(
      o.type ?? 'webauthn.create',
      o.challenge ?? pk.challenge,
      o.origin ?? origin,
    );
    return JSON.stringify({
      id: b64url(id),
      rawId: b64url(id),
      type: 'public-key',
      response: { attestationObject: b64url(attestationObject), clientDataJSON: b64url(clientDataJSON) },
    });
  }

  /**
   * navigator.credentials.get(): signs with an allowed credential, or for a discoverable request with the
   * newest credential of the RP (or `key`). The user handle is sent like a browser sends it.
   */
  get(
    options: object | string,
    origin: string,
    o: CeremonyOverrides & { key?: StoredKey; counter?: number } = {},
  ): string {
    const pk = parseOptions<RequestOptionsJson>(options).publicKey;
    const rpId = pk.rpId ?? '';
    const allowed = (pk.allowCredentials ?? []).map((d) => d.id);
    const key =
      o.key ??
      [...this.keys]
        .reverse()
        .find((k) => k.rpId === rpId && (allowed.length === 0 || allowed.includes(b64url(k.id))));
    if (!key) throw new Error('NotAllowedError: no credential for this request');
    key.signCount = o.counter ?? key.signCount + 1;
    const counter = Buffer.alloc(4);
    counter.writeUInt32BE(key.signCount);
    const authData = Buffer.concat([sha256(o.rpId ?? rpId), Buffer.from([this.flags(false)]), counter]);
    const clientDataJSON = this.clientData(
      o.type ?? 'webauthn.get',
      o.challenge ?? pk.challenge,
      o.origin ?? origin,
    );
    const signature = createSign('SHA256')
      .update(Buffer.concat([authData, sha256(clientDataJSON)]))
      .sign(key.privateKey);
    return JSON.stringify({
      id: b64url(key.id),
      rawId: b64url(key.id),
      type: 'public-key',
      response: {
        authenticatorData: b64url(authData),
        clientDataJSON: b64url(clientDataJSON),
        signature: b64url(signature),
        userHandle: b64url(key.userHandle),
      },
    });
  }
}
