import { describe, expect, it } from 'vitest';
import {
  contentFromString,
  isMime,
  mailhogData,
  mailhogDownload,
  mailhogMessage,
  mailhogSearchText,
  type MailHogSource,
  parseMailHog,
  parseMimeBody,
  pathFromString,
  SEARCH_SEPARATOR,
} from './mailhog-format';
import { goJson } from './go-format';

const source = (data: string, over: Partial<MailHogSource> = {}): MailHogSource => ({
  mailhogId: 'abc=@mailhog.example',
  hostname: 'mailhog.example',
  createdAt: '2026-01-02T03:04:05.123456789Z',
  createdMs: Date.UTC(2026, 0, 2, 3, 4, 5, 123),
  envelope: {
    helo: 'client',
    mailFrom: 'from@x.test',
    rcptTo: ['to@y.test'],
    remoteAddress: '127.0.0.1',
    secure: false,
    authUser: null,
  },
  raw: Buffer.from(`${data}\r\n`, 'latin1'),
  ...over,
});

describe('contentFromString (MailHog header parsing)', () => {
  it.each([
    [
      'case=names as sent, last value wins',
      'A: 1\r\na: 2\r\nA: 3\r\n\r\nbody',
      { A: ['3'], a: ['2'] },
      'body',
    ],
    [
      'case=continuation appended without CRLF',
      'S: one\r\n two\r\n\tthree\r\n\r\nb',
      { S: ['one two\tthree'] },
      'b',
    ],
    [
      'case=lines without ": " are dropped',
      'Good: yes\r\nBad:no-space\r\njunk\r\n\r\nb',
      { Good: ['yes'] },
      'b',
    ],
    ['case=no blank line means no headers', 'Subject: x\r\nbody only', {}, 'Subject: x\r\nbody only'],
    ['case=LF-only blank line is not a header end', 'Subject: x\n\nbody', {}, 'Subject: x\n\nbody'],
    ['case=value keeps everything after the first ": "', 'K: a: b\r\n\r\n', { K: ['a: b'] }, ''],
  ])('%s', (_name, data, headers, body) => {
    const c = contentFromString(data);
    expect(Object.fromEntries(c.headers)).toEqual(headers);
    expect(c.body).toBe(body);
    expect(c.size).toBe(data.length);
  });

  it('case=continuation before any header starts nothing', () => {
    expect(Object.fromEntries(contentFromString(' lead: x\r\nA: b\r\n\r\n').headers)).toEqual({
      ' lead': ['x'],
      A: ['b'],
    });
  });
});

describe('parseMimeBody (naive boundary split)', () => {
  it('case=preamble, parts and the trailing "--" part, trimmed of CR/LF', () => {
    const c = contentFromString(
      'Content-Type: multipart/mixed; boundary="b"\r\n\r\npre\r\n--b\r\nX: 1\r\n\r\none\r\n--b\r\n\r\n\r\ntwo\r\n--b--\r\n\r\n',
    );
    expect(isMime(c)).toBe(true);
    const parts = parseMimeBody(c) ?? [];
    expect(parts.map((p) => p.body)).toEqual(['pre', 'one', 'two', '--']);
    expect(Object.fromEntries(parts[1]?.headers ?? [])).toEqual({ X: ['1'] });
    expect(parts[2]?.headers.size).toBe(0);
  });

  it('case=nested multiparts are split recursively', () => {
    const c = contentFromString(
      'Content-Type: multipart/mixed; boundary=o\r\n\r\n--o\r\nContent-Type: multipart/alternative; boundary=i\r\n\r\n' +
        '--i\r\nContent-Type: text/plain\r\n\r\nplain\r\n--i--\r\n--o--',
    );
    const [inner] = parseMimeBody(c) ?? [];
    expect(inner?.mime?.map((p) => p.body)).toEqual(['plain', '--']);
  });

  it.each([
    [
      'case=lower-case header name is not MIME',
      'content-type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\nx',
    ],
    ['case=not multipart', 'Content-Type: text/plain\r\n\r\n--b'],
  ])('%s', (_n, data) => {
    expect(isMime(contentFromString(data))).toBe(false);
  });

  it.each([
    ['case=no boundary', 'Content-Type: multipart/mixed\r\n\r\nx'],
    ['case=unparsable parameters', 'Content-Type: multipart/mixed; boundary="open\r\n\r\nx'],
    ['case=duplicate boundary', 'Content-Type: multipart/mixed; boundary=a; boundary=b\r\n\r\n--a\r\nx'],
  ])('%s gives nil parts', (_n, data) => {
    expect(parseMimeBody(contentFromString(data))).toBeNull();
  });
});

describe('the MailHog message', () => {
  it('case=added headers: Message-ID only when absent, Received and Return-Path appended', () => {
    const withId = parseMailHog(
      source('message-id: <own@x>\r\nReceived: from relay\r\nRETURN-PATH: <old@x>\r\n\r\nb'),
    );
    const h = Object.fromEntries(withId.content.headers);
    expect(h['Message-ID']).toBeUndefined();
    expect(h['message-id']).toEqual(['<own@x>']);
    expect(h['Received']).toEqual([
      'from relay',
      'from client by mailhog.example (MailHog)\r\n          id abc=@mailhog.example; Fri, 02 Jan 2026 03:04:05 +0000',
    ]);
    expect(h['RETURN-PATH']).toEqual(['<old@x>', '<from@x.test>']);
    const bare = Object.fromEntries(parseMailHog(source('Subject: s\r\n\r\nb')).content.headers);
    expect(bare['Message-ID']).toEqual(['abc=@mailhog.example']);
    expect(bare['Return-Path']).toEqual(['<from@x.test>']);
  });

  it('case=JSON: field order, sorted headers, Go escaping, sizes in bytes, invalid UTF-8 as U+FFFD', () => {
    const m = mailhogMessage(source('Subject: caf\xc3\xa9 <b>\r\nX-Bad: \xff\r\n\r\nbody & more'));
    expect(Object.keys(m)).toEqual(['ID', 'From', 'To', 'Content', 'Created', 'MIME', 'Raw']);
    expect(Object.keys(m.Content.Headers)).toEqual([
      'Message-ID',
      'Received',
      'Return-Path',
      'Subject',
      'X-Bad',
    ]);
    expect(m.Content.Headers['Subject']).toEqual(['café <b>']);
    expect(m.Content.Headers['X-Bad']).toEqual(['\ufffd']);
    expect(m.Content.Size).toBe(
      Buffer.byteLength('Subject: caf\xc3\xa9 <b>\r\nX-Bad: \xff\r\n\r\nbody & more', 'latin1'),
    );
    expect(m.Raw).toEqual({
      From: 'from@x.test',
      To: ['to@y.test'],
      Data: 'Subject: café <b>\r\nX-Bad: \ufffd\r\n\r\nbody & more',
      Helo: 'client',
    });
    const json = goJson(m);
    expect(json).toContain('"Subject":["café \\u003cb\\u003e"]');
    expect(json).toContain('"Body":"body \\u0026 more"');
  });

  it('case=a header named __proto__ is plain data', () => {
    const m = mailhogMessage(source('__proto__: x\r\n\r\nb'));
    expect(Object.getOwnPropertyNames(m.Content.Headers)).toContain('__proto__');
    expect(JSON.parse(goJson(m.Content.Headers))).toHaveProperty('__proto__');
  });

  it('case=no recipients is To null; the terminator CRLF is not data', () => {
    expect(mailhogMessage(source('x', { envelope: { ...source('x').envelope, rcptTo: [] } })).To).toBeNull();
    expect(mailhogData(Buffer.from('a\r\n\r\n'))).toBe('a\r\n');
  });

  it('case=download: headers sorted as Key: value lines, blank line, body bytes', () => {
    const dl = mailhogDownload(parseMailHog(source('B: 2\r\nA: 1\r\n\r\n\xe9')));
    expect(dl.toString('latin1')).toBe(
      'A: 1\r\nB: 2\r\nMessage-ID: abc=@mailhog.example\r\n' +
        'Received: from client by mailhog.example (MailHog)\r\n          id abc=@mailhog.example; Fri, 02 Jan 2026 03:04:05 +0000\r\n' +
        'Return-Path: <from@x.test>\r\n\r\n\xe9',
    );
  });
});

describe('paths and search text', () => {
  it.each([
    ['a@b.c', { Relays: null, Mailbox: 'a', Domain: 'b.c', Params: '' }],
    ['local', { Relays: null, Mailbox: 'local', Domain: '', Params: '' }],
    ['@r1,@r2:u@h', { Relays: ['@r1', '@r2'], Mailbox: 'u', Domain: 'h', Params: '' }],
    ['', { Relays: null, Mailbox: '', Domain: '', Params: '' }],
  ])('case=path %j', (path, expected) => {
    expect(pathFromString(path)).toEqual(expected);
  });

  it('case=from/to/containing haystacks follow memory.go', () => {
    const s = mailhogSearchText(
      mailhogMessage(source('From: Ann <ANN@x.test>\r\nTo: Bob <bob@y>\r\nX: Secret\r\n\r\nBody TEXT')),
    );
    expect(s.mhFrom.split(SEARCH_SEPARATOR)).toEqual(['from@x.test', 'ann <ann@x.test>']);
    expect(s.mhTo.split(SEARCH_SEPARATOR)).toEqual(['to@y.test', 'bob <bob@y>']);
    expect(s.mhContaining.split(SEARCH_SEPARATOR)[0]).toBe('body text');
    expect(s.mhContaining).toContain('secret');
    expect(s.mhContaining).toContain('(mailhog)');
  });
});
