// Identifier canonicalisation as Kratos does it (x/normalize.go): trim, width-fold, lower-case, NFKC, and
// zero-width, bidi-control, control, format, private-use and noncharacter runes removed (graceful) or
// refused (strict); phone numbers to E.164. Traits keep what the user typed; identifiers are normalised.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

const disallowed = /[\p{Bidi_Control}\p{Default_Ignorable_Code_Point}\p{C}\p{Noncharacter_Code_Point}]/gu;

function fold(value: string): string {
  // NFKC folds full-width forms; lower-casing between two NFKC passes keeps the result stable.
  return value.normalize('NFKC').toLowerCase().normalize('NFKC');
}

/** Graceful canonical form: forbidden runes are stripped, never refused. */
export function canonicalize(value: string): string {
  return fold(value.trim().normalize('NFKC').replace(disallowed, ''));
}

function e164(value: string): string | undefined {
  // Without a default region only international numbers parse, so anything not starting with "+" is not a
  // phone number; checking first spares libphonenumber's exception path for every email address.
  if (!value.startsWith('+')) return undefined;
  const n = parsePhoneNumberFromString(value);
  return n && n.isValid() ? n.number : undefined;
}

/** Kratos's GracefulNormalization: phone numbers to E.164, everything else canonicalised. */
export function gracefulNormalization(value: string): string {
  const canonical = canonicalize(value);
  return e164(canonical) ?? canonical;
}

export class NormalizationError extends Error {}

/** Kratos's NormalizeIdentifier(value, format): strict for email and sms, graceful otherwise. */
export function normalizeIdentifier(value: string, format: string): string {
  const trimmed = value.trim();
  switch (format) {
    case 'email': {
      if (new RegExp(disallowed.source, 'u').test(trimmed))
        throw new NormalizationError(`"${value}" contains disallowed characters`);
      return fold(trimmed);
    }
    case 'sms': {
      const phone = e164(trimmed.normalize('NFKC'));
      if (!phone) throw new NormalizationError('the provided number is not a valid phone number');
      return phone;
    }
    default:
      return canonicalize(trimmed);
  }
}
