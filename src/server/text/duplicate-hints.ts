// 4000028: the duplicate-account message with sign-in hints (NewErrorValidationDuplicateCredentialsWithHints).
import { TextId as T } from './ids';
import { error } from './message';
import type { UiText } from './message';

const CASED = /\p{Lu}|\p{Ll}|\p{Lt}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}_]/u;
const MID_WORD = /['.:\u00b7\u2019]/u;

/**
 * golang.org/x/text/cases Title for English: upper-cases the first cased letter of each word and lower-cases
 * the rest; apostrophes and dots inside a word do not break it, two of them in a row do.
 */
export function goTitleCase(s: string): string {
  let out = '';
  let midWord = false;
  let previousWasMid = false;
  for (const ch of s) {
    const isMid = MID_WORD.test(ch);
    if (previousWasMid && isMid) midWord = false;
    if (CASED.test(ch)) {
      out += midWord ? ch.toLowerCase() : ch.toUpperCase();
      midWord = true;
    } else {
      out += ch;
      if (!isMid && !LETTER_OR_DIGIT.test(ch)) midWord = false;
    }
    previousWasMid = isMid;
  }
  return out;
}

const HUMAN_READABLE: Record<string, string> = {
  password: 'your password',
  oidc: 'social sign in',
  saml: 'social sign in',
  webauthn: 'your passkey or a security key',
  passkey: 'your passkey',
};

export function duplicateCredentialsWithHints(
  availableCredentialTypes: string[] | null,
  availableOidcProviders: string[] | null,
  credentialIdentifierHint: string,
): UiText {
  const identifier =
    credentialIdentifierHint === '' ? 'an email, phone, or username' : credentialIdentifierHint;
  const providers = (availableOidcProviders ?? []).map((p) => (/[{}]/.test(p) ? p : goTitleCase(p)));
  let reason = `You tried signing in with ${identifier} which is already in use by another account.`;
  const types = availableCredentialTypes ?? [];
  if (types.length > 0) {
    let readable = types.flatMap((t) => (HUMAN_READABLE[t] ? [HUMAN_READABLE[t]] : []));
    if (readable.length === 0) readable = [...types]; // show at least some hint, as Kratos does
    readable = [...new Set(readable)];
    if (readable.length > 1) readable[readable.length - 1] = `or ${readable[readable.length - 1]}`;
    reason += ` You can sign in using ${readable.join(', ')}.`;
  }
  if (providers.length > 0) {
    reason += ` You can sign in using one of the following social sign in providers: ${providers.join(', ')}.`;
  }
  return error(T.ErrorValidationDuplicateCredentialsWithHints, reason, {
    available_credential_types: availableCredentialTypes,
    available_oidc_providers: availableOidcProviders,
    credential_identifier_hint: credentialIdentifierHint,
  });
}
