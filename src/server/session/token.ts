// Session and logout tokens as Kratos issues them (`ory_st_` / `ory_lo_` + 32 alphanumerics from the
// CSPRNG, ~190 bits), stored only as SHA-256 digests.
import { createHash, createHmac, randomInt } from 'node:crypto';

const ALPHANUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function randomAlphanumeric(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHANUM[randomInt(ALPHANUM.length)];
  return out;
}

export const newSessionToken = (): string => `ory_st_${randomAlphanumeric(32)}`;
/** `ory_lo_` + 32 alphanumerics derived from the session id; Kratos stores a random one instead. */
export function logoutToken(secret: string, sessionId: string): string {
  const mac = createHmac('sha256', secret).update(`gatehouse-logout:${sessionId}`).digest();
  let out = '';
  for (let i = 0; i < 32; i++) out += ALPHANUM[(mac[i] as number) % ALPHANUM.length];
  return `ory_lo_${out}`;
}

/** Tokens carry 190 random bits, so a plain digest is enough to make a leaked table useless. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('base64url');
}
