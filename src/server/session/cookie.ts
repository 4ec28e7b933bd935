// The `ory_kratos_session` cookie: an encrypted, authenticated value holding the session token and its
// expiry (Kratos uses gorilla/securecookie keyed by `secrets.cookie`). The first secret encrypts, every
// secret decrypts, so prepending a new secret keeps existing cookies valid.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

export interface SessionCookieValue {
  token: string;
  expiresAt: string;
}

export class SessionCookieCodec {
  private readonly keys: Buffer[];
  /** Decoded cookies, newest last: a browser sends the same cookie on every request (whoami is hot). */
  private readonly decoded = new Map<string, SessionCookieValue | undefined>();

  constructor(secrets: string[]) {
    this.keys = secrets.map((s) => createHash('sha256').update(`gatehouse-session-cookie:${s}`).digest());
  }

  encode(value: SessionCookieValue): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys[0] as Buffer, iv);
    // A nonce makes every issued cookie distinct, as Kratos's does.
    const plain = JSON.stringify({
      t: value.token,
      e: value.expiresAt,
      n: randomBytes(6).toString('base64url'),
    });
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  decode(cookie: string): SessionCookieValue | undefined {
    if (this.decoded.has(cookie)) return this.decoded.get(cookie);
    const value = this.decrypt(cookie);
    if (this.decoded.size >= 4096) this.decoded.delete(this.decoded.keys().next().value as string);
    this.decoded.set(cookie, value);
    return value;
  }

  private decrypt(cookie: string): SessionCookieValue | undefined {
    if (!/^[A-Za-z0-9_-]{40,4096}$/.test(cookie)) return undefined;
    const raw = Buffer.from(cookie, 'base64url');
    for (const key of this.keys) {
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
        decipher.setAuthTag(raw.subarray(12, 28));
        const plain = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
        const parsed = JSON.parse(plain) as { t?: unknown; e?: unknown };
        if (typeof parsed.t === 'string' && typeof parsed.e === 'string')
          return { token: parsed.t, expiresAt: parsed.e };
        return undefined;
      } catch {
        // next secret
      }
    }
    return undefined;
  }
}
