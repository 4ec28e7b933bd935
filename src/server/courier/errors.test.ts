// The recipient check guards SMTP commands and headers (Kratos's x.IsEmailAddress fuzz seeds).
import { describe, expect, it } from 'vitest';
import { isValidEmailRecipient } from './errors';

describe('isValidEmailRecipient', () => {
  it.each([
    'ada@example.com',
    'ada+tag@sub.example.co.uk',
    '"ada lovelace"@example.com',
    'Ada Lovelace <ada@example.com>',
    'ada@[127.0.0.1]',
    'jörg@bücher.example',
  ])('case=%s is accepted', (a) => expect(isValidEmailRecipient(a)).toBe(true));

  it.each([
    '',
    'foo',
    'foo@',
    '@example.com',
    'foo@ory.sh\r\nBcc: evil@x',
    'foo@ory.sh\nRCPT TO:<x@y>',
    'a b@example.com',
    'a@b@c',
    '<ada@example.com',
    'ada@example.com>',
    'a'.repeat(330) + '@x.y',
  ])('case=%j is refused', (a) => expect(isValidEmailRecipient(a)).toBe(false));
});
