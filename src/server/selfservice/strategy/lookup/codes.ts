// Backup recovery codes (selfservice/strategy/lookup/settings.go, identity/credentials_lookup.go): twelve
// codes of eight characters from [a-z0-9], drawn from the CSPRNG without modulo bias. They are stored as
// Kratos stores them, in plain text in the credential config `{recovery_codes: [{code, used_at?}]}`,
// because "reveal" shows them again; a used code keeps its entry with `used_at` set.
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { Credentials } from '../../../identity/model';
import { settingsLookupSecretList, settingsLookupSecretsLabel } from '../../../text/settings';
import { textNode } from '../../../ui/nodes';
import type { UiTextNode } from '../../../ui/types';

export const LOOKUP_CODE_COUNT = 12;
export const LOOKUP_CODE_LENGTH = 8;
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

export interface RecoveryCode {
  code: string;
  /** RFC 3339 time the code was used; absent while unused. */
  used_at?: string;
}

/** A fresh set of codes (randx.MustString(8, randx.AlphaLowerNum) twelve times). */
export function generateLookupCodes(count = LOOKUP_CODE_COUNT): RecoveryCode[] {
  return Array.from({ length: count }, () => ({
    code: Array.from({ length: LOOKUP_CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''),
  }));
}

/** The codes of a stored credential (entries that are not `{code: string}` are skipped). */
export function recoveryCodesOf(credential: Credentials | undefined): RecoveryCode[] {
  const raw = credential?.config.recovery_codes;
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((entry: unknown): RecoveryCode[] => {
    if (entry === null || typeof entry !== 'object') return [];
    const { code, used_at: usedAt } = entry as { code?: unknown; used_at?: unknown };
    if (typeof code !== 'string') return [];
    return [{ code, ...(isUsedAt(usedAt) ? { used_at: usedAt } : {}) }];
  });
}

/** sqlxx.NullTime: null, "" and Go's zero time mean "not used". */
function isUsedAt(v: unknown): v is string {
  return typeof v === 'string' && v !== '' && !v.startsWith('0001-01-01') && !Number.isNaN(Date.parse(v));
}

export type UseResult = { outcome: 'used'; codes: RecoveryCode[] } | { outcome: 'already_used' | 'invalid' };

/**
 * Marks `candidate` used when it matches an unused code. Every code is compared, in constant time per
 * code, so the answer's timing does not tell how many codes matched or where.
 */
export function useLookupCode(codes: RecoveryCode[], candidate: string, now: Date): UseResult {
  const wanted = digest(candidate);
  let index = -1;
  codes.forEach((c, i) => {
    if (timingSafeEqual(digest(c.code), wanted) && index < 0) index = i;
  });
  const found = index >= 0 ? codes[index] : undefined;
  if (!found) return { outcome: 'invalid' };
  if (found.used_at) return { outcome: 'already_used' };
  // Kratos rounds the time to the second (time.Now().UTC().Round(time.Second)).
  const usedAt = new Date(Math.round(now.getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
  return {
    outcome: 'used',
    codes: codes.map((c, i) => (i === index ? { code: c.code, used_at: usedAt } : c)),
  };
}

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

/** The `lookup_secret_codes` text node (CredentialsLookupConfig.ToNode): used codes read "used". */
export function codesNode(codes: RecoveryCode[]): UiTextNode {
  const text = settingsLookupSecretList(
    codes.map((c) => ({ code: c.code, usedAt: c.used_at ? new Date(c.used_at) : null })),
  );
  return textNode('lookup_secret', 'lookup_secret_codes', text, settingsLookupSecretsLabel());
}
