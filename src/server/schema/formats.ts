// The string formats Kratos's JSON schema validator knows beyond ajv-formats: `email` as ory/jsonschema
// checks it (length limits, hostname domain, net/mail syntax), `tel` via libphonenumber (E.164-parsable,
// valid), and `no-validate` for traits that opt out.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

const byteLength = (s: string): number => Buffer.byteLength(s, 'utf8');

export function isHostname(input: string): boolean {
  const s = input.endsWith('.') ? input.slice(0, -1) : input;
  if (byteLength(s) > 253 || s.length === 0) return false;
  return s
    .split('.')
    .every(
      (label) =>
        label.length >= 1 && label.length <= 63 && /^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?$/.test(label),
    );
}

// RFC 5322 atext for an unquoted local part, as Go's net/mail accepts it (dot-atom), plus quoted strings.
const dotAtom =
  /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~\u0080-\uFFFF]+(\.[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~\u0080-\uFFFF]+)*$/u;
const quoted = /^"([^"\\\r\n]|\\[^\r\n])*"$/;

export function isEmail(s: string): boolean {
  if (byteLength(s) > 254) return false;
  const at = s.lastIndexOf('@');
  if (at <= 0) return false;
  const local = s.slice(0, at);
  const domain = s.slice(at + 1);
  if (byteLength(local) > 64) return false;
  if (!isHostname(domain)) return false;
  // net/mail.ParseAddress: no control characters, CR/LF (header injection) or unbalanced specials.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must be refused
  if (/[\u0000-\u001f\u007f]/.test(s)) return false;
  return dotAtom.test(local) || quoted.test(local);
}

export function isPhone(s: string): boolean {
  const n = parsePhoneNumberFromString(s);
  return n !== undefined && n.isValid();
}

/** Registers the formats on an ajv instance. */
export function addKratosFormats(ajv: { addFormat(name: string, f: (s: string) => boolean): unknown }): void {
  ajv.addFormat('email', isEmail);
  ajv.addFormat('tel', isPhone);
  ajv.addFormat('no-validate', () => true);
}
