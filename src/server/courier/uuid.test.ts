// gofrs/uuid FromString forms and error texts (Kratos returns them as the 400 message).
import { describe, expect, it } from 'vitest';
import { parseGoUUID } from './uuid';

const ID = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';

describe('parseGoUUID', () => {
  it.each([
    [ID, ID],
    [ID.toUpperCase(), ID],
    [ID.replaceAll('-', ''), ID],
    [`{${ID}}`, ID],
    [`urn:uuid:${ID}`, ID],
    [`{${ID.replaceAll('-', '')}}`, ID],
  ])('case=%s', (input, expected) => {
    expect(parseGoUUID(input)).toEqual({ ok: true, uuid: expected });
  });

  it.each([
    ['foo', 'uuid: incorrect UUID length 3 in string "foo"'],
    ['', 'uuid: incorrect UUID length 0 in string ""'],
    [
      '6ba7b810x9dad-11d1-80b4-00c04fd430c8',
      'uuid: incorrect UUID format in string "6ba7b810x9dad-11d1-80b4-00c04fd430c8"',
    ],
    ['6ba7b810-9dad-11d1-80b4-00c04fd430cg', "encoding/hex: invalid byte: U+0067 'g'"],
    [
      'xxx:uuid:6ba7b810-9dad-11d1-80b4-00c04fd430c8',
      'uuid: incorrect UUID format in string "xxx:uuid:6ba7b810-9dad-11d1-80b4-00c04fd430c8"',
    ],
  ])('case=%j is an error', (input, error) => {
    expect(parseGoUUID(input)).toEqual({ ok: false, error });
  });
});
