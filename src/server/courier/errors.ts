// Courier errors and the recipient check Kratos applies before a message is queued and again before
// it is sent (net/mail.ParseAddress or x.IsEmailAddress): an address that could smuggle a header or
// an SMTP command never gets that far.

/** Thrown by queueEmail/queueSms for input Kratos would refuse to queue. */
export class CourierError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CourierError';
  }
}

export const INVALID_RECIPIENT = 'courier: email recipient is not a valid email address';

// RFC 5322 atext, plus any non-ASCII character (SMTPUTF8 / IDNA addresses).
const ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~\\-\\u0080-\\uFFFF]+";
const DOT_ATOM = `${ATOM}(?:\\.${ATOM})*`;
const QUOTED = '"(?:[^"\\\\]|\\\\.)*"';
const DOMAIN_LITERAL = '\\[[^\\[\\]\\\\]*\\]';
const ADDR_SPEC = new RegExp(`^(?:${DOT_ATOM}|${QUOTED})@(?:${DOT_ATOM}|${DOMAIN_LITERAL})$`, 'u');
const NAME_ADDR = /^(?:"(?:[^"\\]|\\.)*"|[^<>"@]*)\s*<([^<>]+)>$/u;

/** True for `local@domain` or `Display Name <local@domain>` without control characters. */
export function isValidEmailRecipient(recipient: string): boolean {
  // eslint-disable-next-line no-control-regex
  if (recipient.length === 0 || recipient.length > 320 || /[\u0000-\u001f\u007f]/.test(recipient))
    return false;
  const trimmed = recipient.trim();
  if (ADDR_SPEC.test(trimmed)) return true;
  const m = NAME_ADDR.exec(trimmed);
  return m !== null && ADDR_SPEC.test((m[1] ?? '').trim());
}
