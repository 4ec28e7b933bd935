// Session and logout tokens as Kratos issues them (`ory_st_` / `ory_lo_` + 32 alphanumerics from the
// CSPRNG, ~190 bits), stored only as SHA-256 digests.
import { createHash, randomInt } from 'node:crypto';

const ALPHANUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function randomAlphanumeric(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHANUM[randomInt(ALPHANUM.length)];
  return out;
}

export const newSessionToken = (): string => `ory_st_${randomAlphanumeric(32)}`;
export const newLogoutToken = (): string => `ory_lo_${randomAlphanumeric(32)}`;

/** Tokens carry 190 random bits, so a plain digest is enough to make a leaked table useless. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('base64url');
}
