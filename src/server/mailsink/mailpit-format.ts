// Mailpit's JSON (internal/storage/structs.go, server/apiv1): PascalCase Go field names, net/mail addresses
// as {Name, Address}, times as RFC 3339 with trimmed fractions.
import { goTimeJson } from './go-format';
import { canonicalHeaderKey, headerValue, unfoldGo } from './mime';
import type { AttachmentMeta, MailAddress, MailRecord } from './model';

export interface MailpitAddress {
  Name: string;
  Address: string;
}

export interface MailpitSummary {
  ID: string;
  MessageID: string;
  Read: boolean;
  From: MailpitAddress;
  To: MailpitAddress[] | null;
  Cc: MailpitAddress[] | null;
  Bcc: MailpitAddress[] | null;
  ReplyTo: MailpitAddress[] | null;
  Subject: string;
  Created: string;
  Username: string;
  Tags: string[];
  Size: number;
  Attachments: number;
  Snippet: string;
}

export interface MailpitAttachment {
  PartID: string;
  FileName: string;
  ContentType: string;
  ContentID: string;
  Size: number;
  Checksums: { MD5: string; SHA1: string; SHA256: string };
}

const address = (a: MailAddress): MailpitAddress => ({ Name: a.name, Address: a.address });
// Mailpit's summaries come from metadata stored with omitempty: empty address lists read back as null.
const orNull = (list: MailAddress[]): MailpitAddress[] | null => (list.length > 0 ? list.map(address) : null);

export function mailpitSummary(m: MailRecord): MailpitSummary {
  return {
    ID: m.id,
    MessageID: m.messageId,
    Read: m.read,
    From: m.from ? address(m.from) : { Name: '', Address: '' },
    To: orNull(m.to),
    Cc: orNull(m.cc),
    Bcc: orNull(m.bcc),
    ReplyTo: orNull(m.replyTo),
    Subject: m.subject,
    Created: goTimeJson(m.createdMs),
    Username: m.envelope.authUser ?? '',
    Tags: [],
    Size: m.sizeBytes,
    Attachments: m.attachments.filter((a) => !a.inline).length,
    Snippet: m.snippet,
  };
}

function attachment(a: AttachmentMeta): MailpitAttachment {
  return {
    PartID: a.partId,
    FileName: a.filename || a.contentId,
    ContentType: a.contentType,
    ContentID: a.contentId,
    Size: a.sizeBytes,
    Checksums: { MD5: a.md5, SHA1: a.sha1, SHA256: a.sha256 },
  };
}

/** Mailpit lists only parts it can name (a filename or a Content-ID). */
const named = (a: AttachmentMeta): boolean => a.filename !== '' || a.contentId !== '';

export function mailpitMessage(m: MailRecord): Record<string, unknown> {
  const from = m.from ? address(m.from) : { Name: '', Address: '' };
  const listUnsubscribe = headerValue(m.headers, 'List-Unsubscribe');
  return {
    ID: m.id,
    MessageID: m.messageId,
    From: from,
    To: m.to.map(address),
    Cc: m.cc.map(address),
    Bcc: m.bcc.map(address),
    ReplyTo: m.replyTo.map(address),
    ReturnPath: (headerValue(m.headers, 'Return-Path') ?? '').replace(/^<|>$/g, '') || from.Address,
    Subject: m.subject,
    ListUnsubscribe: {
      Header: listUnsubscribe ?? '',
      Links: listUnsubscribe ? [...listUnsubscribe.matchAll(/<([^>]+)>/g)].map((x) => x[1] as string) : [],
      Errors: '',
      HeaderPost: headerValue(m.headers, 'List-Unsubscribe-Post') ?? '',
    },
    Date: m.date ? goTimeJson(m.date.ms, 0, m.date.offsetMinutes) : goTimeJson(m.createdMs),
    Tags: [],
    Username: m.envelope.authUser ?? '',
    Text: m.text,
    HTML: m.html,
    Size: m.sizeBytes,
    Inline: m.attachments.filter((a) => a.inline && named(a)).map(attachment),
    Attachments: m.attachments.filter((a) => !a.inline && named(a)).map(attachment),
  };
}

/** net/mail's header map: canonical names, values in order, folding replaced by single spaces. */
export function mailpitHeaders(m: MailRecord): Record<string, string[]> {
  const grouped = new Map<string, string[]>();
  for (const [name, value] of m.headers) {
    const key = canonicalHeaderKey(name);
    grouped.set(key, [...(grouped.get(key) ?? []), unfoldGo(value)]);
  }
  const out = Object.create(null) as Record<string, string[]>;
  for (const key of [...grouped.keys()].sort()) out[key] = grouped.get(key) ?? [];
  return out;
}

/** Mailpit's HTML view points cid: references at the part download URL. */
export function linkInlineImages(m: MailRecord, webroot: string): string {
  let html = m.html;
  for (const a of m.attachments) {
    if (a.contentId === '') continue;
    const escaped = a.contentId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const re = new RegExp(`(=["']?)(cid:${escaped})(["'\\s/>;])`, 'gi');
    html = html.replace(re, (_m, pre: string, _cid: string, post: string) => {
      return `${pre}${webroot}api/v1/message/${m.id}/part/${a.partId}${post}`;
    });
  }
  return html;
}

/** The IDs of a Mailpit `{"IDs": [...]}` body (Go matches field names case-insensitively); undefined if malformed. */
export function mailpitIds(text: string): string[] | undefined {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const entry = Object.entries(body).find(([k]) => k.toLowerCase() === 'ids');
  if (!entry || entry[1] === null) return [];
  const ids: unknown = entry[1];
  return Array.isArray(ids) && ids.every((i) => typeof i === 'string') ? (ids as string[]) : undefined;
}
