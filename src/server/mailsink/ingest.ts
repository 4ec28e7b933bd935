// Turns a received DATA section into the record the sink stores: ids, receive time, the raw source, and what
// the list views and searches need, parsed once. A message whose MIME structure cannot be parsed is still
// stored whole, with whatever header lines could be read and the parse error noted.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { type AddressObject, type EmailAddress, type ParsedMail, simpleParser } from 'mailparser';
import type { Clock } from '../clock';
import { goTimeJson, parseMailDate, slurperDate } from './go-format';
import { mailhogMessage, mailhogSearchText, utf8 } from './mailhog-format';
import { headerValue, parseHeaderBlock } from './mime';
import type { MailAddress, MailEnvelope, MailHeader, NewAttachment, NewMail } from './model';
import { cleanSearchText, htmlToText, snippet } from './text';

export interface IngestContext {
  clock: Clock;
  /** MailHog's MH_HOSTNAME: the domain of MailHog ids and the host its Received header names. */
  hostname: string;
}

/** MailHog's id: base64url (with padding, as Go's URLEncoding) of 32 random bytes, "@", the hostname. */
export function newMailHogId(hostname: string): string {
  return `${randomBytes(32).toString('base64').replace(/\+/g, '-').replace(/\//g, '_')}@${hostname}`;
}

// Sub-millisecond digits for Created: MailHog prints nanoseconds, the clock has milliseconds.
function subMillisecondNanos(): number {
  return Number(process.hrtime.bigint() % 1_000_000n);
}

export async function buildMail(raw: Buffer, envelope: MailEnvelope, ctx: IngestContext): Promise<NewMail> {
  const createdMs = ctx.clock.now().getTime();
  const createdAt = goTimeJson(createdMs, subMillisecondNanos());
  const mailhogId = newMailHogId(ctx.hostname);
  const block = parseHeaderBlock(raw.toString('latin1'));
  const headers: MailHeader[] = block.headers.map(([n, v]) => [utf8(n), utf8(v)]);

  let parsed: ParsedMail | undefined;
  let parseError: string | null = null;
  try {
    parsed = await simpleParser(raw, { keepCidLinks: true, skipTextLinks: true, skipTextToHtml: true });
  } catch (err) {
    parseError = err instanceof Error ? err.message : String(err);
  }
  if (parseError === null && block.invalid.length > 0 && block.headers.length === 0) {
    parseError = 'the message has no header block';
  }

  const list = (field: AddressObject | AddressObject[] | undefined): MailAddress[] =>
    (Array.isArray(field) ? field : field ? [field] : []).flatMap((o) => flatten(o.value));
  const fromList = list(parsed?.from);
  const fromHeader = headerValue(headers, 'From');
  const from = fromList[0] ?? (fromHeader ? { name: fromHeader, address: '' } : null);
  const to = list(parsed?.to);
  const cc = list(parsed?.cc);
  const bcc = withEnvelopeBcc(list(parsed?.bcc), [...to, ...cc], envelope.rcptTo);
  const replyTo = list(parsed?.replyTo);
  const subject = parsed?.subject ?? headerValue(headers, 'Subject') ?? '';
  const text = parsed?.text ?? (parsed ? '' : raw.subarray(block.bodyStart).toString('utf8'));
  const html = typeof parsed?.html === 'string' ? parsed.html : '';
  const date =
    parseMailDate(headerValue(headers, 'Date')) ??
    (parsed?.date && Number.isFinite(parsed.date.getTime())
      ? { ms: parsed.date.getTime(), offsetMinutes: 0 }
      : null);
  const messageId =
    (parsed?.messageId ?? headerValue(headers, 'Message-ID') ?? '').trim().replace(/^<|>$/g, '') || mailhogId;
  const attachments = (parsed?.attachments ?? []).map((a, i): NewAttachment => ({
    id: randomUUID(),
    // mailparser 3.9 numbers parts IMAP-style; its type definitions predate the field.
    partId: (a as { partId?: string | null }).partId ?? String(i + 1),
    filename: a.filename ?? '',
    contentType: a.contentType,
    contentId: a.cid ?? '',
    disposition: a.contentDisposition ?? '',
    inline: a.contentDisposition === 'inline' || a.related === true,
    sizeBytes: a.content.length,
    md5: createHash('md5').update(a.content).digest('hex'),
    sha1: createHash('sha1').update(a.content).digest('hex'),
    sha256: createHash('sha256').update(a.content).digest('hex'),
    content: a.content,
  }));

  const base = { mailhogId, hostname: ctx.hostname, createdAt, createdMs, envelope, raw };
  const addressText = (a: MailAddress[]): string => a.map((x) => `${x.name} <${x.address}>`).join(', ');
  const searchText = cleanSearchText(
    [
      from ? addressText([from]) : '',
      subject,
      addressText(to),
      addressText(cc),
      addressText(bcc),
      addressText(replyTo),
      headerValue(headers, 'Return-Path') ?? envelope.mailFrom,
      html !== '' ? htmlToText(html) : text,
      ...attachments.filter((a) => !a.inline).map((a) => a.filename),
    ].join(' '),
  );
  return {
    ...base,
    id: randomUUID(),
    sizeBytes: raw.length,
    headers,
    messageId,
    subject,
    date,
    dateSent: date ? slurperDate(date.ms, date.offsetMinutes) : slurperDate(createdMs),
    from,
    to,
    cc,
    bcc,
    replyTo,
    text,
    html,
    snippet: snippet(text, html),
    attachments,
    parseError,
    search: { ...mailhogSearchText(mailhogMessage(base)), text: searchText },
  };
}

function flatten(list: EmailAddress[]): MailAddress[] {
  return list.flatMap((a) =>
    a.group
      ? flatten(a.group)
      : a.address || a.name
        ? [{ name: a.name ?? '', address: a.address ?? '' }]
        : [],
  );
}

/** Envelope recipients missing from To/Cc/Bcc were Bcc'd; Mailpit lists them under Bcc. */
function withEnvelopeBcc(bcc: MailAddress[], visible: MailAddress[], rcptTo: string[]): MailAddress[] {
  const known = new Set([...visible, ...bcc].map((a) => a.address.toLowerCase()));
  const missing = rcptTo.filter((r) => r.includes('@') && !known.has(r.toLowerCase()));
  return [...bcc, ...missing.map((address) => ({ name: '', address }))];
}
