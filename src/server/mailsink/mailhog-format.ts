// MailHog's view of a message (mailhog/data message.go), rebuilt from the stored raw source so that clients
// see MailHog's exact wire format and quirks:
// - the header block ends at the first CRLFCRLF; without one there are no headers and the body is everything;
// - header names stay as sent, a repeated header keeps only its last value, continuation lines are appended
//   without their CRLF, and lines without ": " are dropped;
// - Message-ID (when absent), Received and Return-Path are added;
// - MIME parts come from a naive split on "--boundary", trimmed of CR/LF, so a preamble and a trailing "--" part
//   can appear; nested multiparts are split recursively; bodies stay transfer-encoded.
// Parsing works on latin1 strings (one char per byte) so that sizes are byte counts and downloads are
// byte-exact; JSON output converts every string to UTF-8 the way Go's encoder does.
import { extractBoundary } from './mime';
import { rfc1123z } from './go-format';
import type { MailRecord } from './model';

export interface MailHogPath {
  Relays: string[] | null;
  Mailbox: string;
  Domain: string;
  Params: string;
}

export interface MailHogContent {
  Headers: Record<string, string[]>;
  Body: string;
  Size: number;
  MIME: MailHogMime | null;
}

export interface MailHogMime {
  Parts: MailHogContent[] | null;
}

export interface MailHogMessage {
  ID: string;
  From: MailHogPath;
  To: MailHogPath[] | null;
  Content: MailHogContent;
  Created: string;
  MIME: MailHogMime | null;
  Raw: { From: string; To: string[]; Data: string; Helo: string };
}

/** A content block with byte-preserving (latin1) strings; headers keep insertion order until output. */
export interface ByteContent {
  headers: Map<string, string[]>;
  body: string;
  size: number;
  mime: ByteContent[] | null;
}

export function contentFromString(data: string): ByteContent {
  const split = data.indexOf('\r\n\r\n');
  const headers = new Map<string, string[]>();
  if (split === -1) return { headers, body: data, size: data.length, mime: null };
  let last = '';
  for (const line of data.slice(0, split).split('\r\n')) {
    const values = headers.get(last);
    if (last !== '' && values && (line.startsWith(' ') || line.startsWith('\t'))) {
      values[values.length - 1] += line;
    } else if (line.includes(': ')) {
      const at = line.indexOf(': ');
      last = line.slice(0, at);
      headers.set(last, [line.slice(at + 2)]);
    }
  }
  return { headers, body: data.slice(split + 4), size: data.length, mime: null };
}

export function isMime(c: ByteContent): boolean {
  return (c.headers.get('Content-Type')?.[0] ?? '').startsWith('multipart/');
}

/** Go's ParseMIMEBody; null stands for Go's nil Parts slice. */
export function parseMimeBody(c: ByteContent): ByteContent[] | null {
  const contentType = c.headers.get('Content-Type')?.[0];
  if (contentType === undefined) return null;
  const boundary = extractBoundary(contentType);
  if (boundary === '') return null;
  const parts: ByteContent[] = [];
  for (const piece of c.body.split(`--${boundary}`)) {
    if (piece.length === 0) continue;
    const part = contentFromString(piece.replace(/^[\r\n]+|[\r\n]+$/g, ''));
    if (isMime(part)) part.mime = parseMimeBody(part);
    parts.push(part);
  }
  return parts.length > 0 ? parts : null;
}

export function pathFromString(path: string): MailHogPath {
  let relays: string[] | null = null;
  let email = path;
  const colon = path.indexOf(':');
  if (colon !== -1) {
    relays = path.slice(0, colon).split(',');
    email = path.slice(colon + 1);
  }
  const at = email.indexOf('@');
  return {
    Relays: relays,
    Mailbox: at === -1 ? email : email.slice(0, at),
    Domain: at === -1 ? '' : email.slice(at + 1),
    Params: '',
  };
}

export interface ByteMessage {
  content: ByteContent;
  /** The top-level MIME parts (Message.MIME); Content.MIME itself stays nil as in MailHog. */
  mime: ByteContent[] | null;
  data: string;
}

/** The DATA section as MailHog keeps it: the final CRLF belongs to the terminator, not the message. */
export function mailhogData(raw: Buffer): string {
  const data = raw.toString('latin1');
  return data.endsWith('\r\n') ? data.slice(0, -2) : data;
}

/** What the MailHog view needs of a stored (or just received) message. */
export type MailHogSource = Pick<
  MailRecord,
  'mailhogId' | 'hostname' | 'createdAt' | 'createdMs' | 'envelope'
> & {
  raw: Buffer;
};

/** Parses a stored message and adds MailHog's Message-ID, Received and Return-Path headers. */
export function parseMailHog(rec: MailHogSource): ByteMessage {
  const data = mailhogData(rec.raw);
  const content = contentFromString(data);
  const mime = isMime(content) ? parseMimeBody(content) : null;
  const h = content.headers;
  const named = (lower: string): string | undefined =>
    [...h.keys()].filter((k) => k.toLowerCase() === lower).pop();
  const id = latin1(rec.mailhogId);
  if (named('message-id') === undefined) h.set('Message-ID', [id]);
  const received =
    `from ${latin1(rec.envelope.helo)} by ${latin1(rec.hostname)} (MailHog)\r\n` +
    `          id ${id}; ${rfc1123z(rec.createdMs)}`;
  const receivedName = named('received');
  if (receivedName === undefined) h.set('Received', [received]);
  else h.get(receivedName)?.push(received);
  const returnPath = `<${latin1(rec.envelope.mailFrom)}>`;
  const returnPathName = named('return-path');
  if (returnPathName === undefined) h.set('Return-Path', [returnPath]);
  else h.get(returnPathName)?.push(returnPath);
  return { content, mime, data };
}

/** A UTF-8 JS string as latin1 bytes, so that envelope values join the byte-preserving strings. */
function latin1(s: string): string {
  return Buffer.from(s, 'utf8').toString('latin1');
}

/** Bytes (as a latin1 string) to the UTF-8 text Go's JSON encoder would emit (invalid bytes become U+FFFD). */
export function utf8(s: string): string {
  // Pure ASCII needs no conversion; most headers and QP/base64 bodies are.
  return /[^\p{ASCII}]/u.test(s) ? Buffer.from(s, 'latin1').toString('utf8') : s;
}

function wireHeaders(h: Map<string, string[]>): Record<string, string[]> {
  // Go serialises maps with sorted keys; a null prototype keeps odd names like "__proto__" plain data.
  const out = Object.create(null) as Record<string, string[]>;
  for (const key of [...h.keys()].sort()) out[utf8(key)] = (h.get(key) ?? []).map(utf8);
  return out;
}

function wireContent(c: ByteContent): MailHogContent {
  return {
    Headers: wireHeaders(c.headers),
    Body: utf8(c.body),
    Size: c.size,
    MIME: c.mime === null ? null : { Parts: c.mime.map(wireContent) },
  };
}

export function mailhogMessage(rec: MailHogSource): MailHogMessage {
  const parsed = parseMailHog(rec);
  const to = rec.envelope.rcptTo.map(pathFromString);
  return {
    ID: rec.mailhogId,
    From: pathFromString(rec.envelope.mailFrom),
    To: to.length > 0 ? to : null,
    Content: { ...wireContent({ ...parsed.content, mime: null }) },
    Created: rec.createdAt,
    MIME: parsed.mime === null ? null : { Parts: parsed.mime.map(wireContent) },
    Raw: {
      From: rec.envelope.mailFrom,
      To: rec.envelope.rcptTo,
      Data: utf8(parsed.data),
      Helo: rec.envelope.helo,
    },
  };
}

/** The v1 download: every header as "Key: value" (sorted, as Go's map order is random), a blank line, the body. */
export function mailhogDownload(parsed: ByteMessage): Buffer {
  let out = '';
  for (const key of [...parsed.content.headers.keys()].sort()) {
    for (const v of parsed.content.headers.get(key) ?? []) out += `${key}: ${v}\r\n`;
  }
  return Buffer.from(`${out}\r\n${parsed.content.body}`, 'latin1');
}

// Separates values in the search haystacks; a query would have to contain it to match across values.
export const SEARCH_SEPARATOR = '\u0001';

/** The lower-cased texts MailHog's from/to/containing searches look at (oryx/mailhog memory.go). */
export function mailhogSearchText(msg: MailHogMessage): {
  mhFrom: string;
  mhTo: string;
  mhContaining: string;
} {
  const path = (p: MailHogPath): string => `${p.Mailbox}@${p.Domain}`;
  const headers = msg.Content.Headers;
  const join = (values: string[]): string => values.join(SEARCH_SEPARATOR).toLowerCase();
  return {
    mhFrom: join([path(msg.From), ...(headers['From'] ?? [])]),
    mhTo: join([...(msg.To ?? []).map(path), ...(headers['To'] ?? [])]),
    mhContaining: join([msg.Content.Body, ...Object.values(headers).flat()]),
  };
}
