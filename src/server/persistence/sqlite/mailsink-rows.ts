// Row ↔ record mapping and the filter SQL of the mail sink's SQLite storage (persistence/sqlite/mailsink.ts).
import { type Expression, type ExpressionBuilder, type RawBuilder, sql, type SqlBool } from 'kysely';
import type { AttachmentMeta, MailAddress, MailHeader, MailRecord, SmsRecord } from '../../mailsink/model';
import type { MailFilter, MailTextColumn } from '../../mailsink/persister';
import type { MailsinkAttachmentRow, MailsinkMessageRow, MailsinkSmsRow, Tables } from './tables';

export type MessageEb = ExpressionBuilder<Tables, 'mailsink_messages'>;
export type MessageRow = Omit<MailsinkMessageRow, 'seq' | 'read' | 'raw'> & {
  seq: number;
  read: number;
  raw?: Buffer;
};
export type AttachmentMetaRow = Omit<MailsinkAttachmentRow, 'content'>;

// Every column but the search haystacks; raw only on request (it can be 25 MB).
export const listColumns = [
  'seq',
  'id',
  'mailhog_id',
  'hostname',
  'created_at',
  'created_ms',
  'helo',
  'mail_from',
  'rcpt_to',
  'remote_address',
  'secure',
  'auth_user',
  'size',
  'headers',
  'message_id',
  'subject',
  'date_ms',
  'date_offset_minutes',
  'date_sent',
  'from_json',
  'to_json',
  'cc_json',
  'bcc_json',
  'reply_to_json',
  'text',
  'html',
  'snippet',
  'attachment_count',
  'inline_count',
  'parse_error',
  'read',
] as const;

export const attachmentColumns = [
  'id',
  'message_seq',
  'position',
  'part_id',
  'filename',
  'content_type',
  'content_id',
  'disposition',
  'inline',
  'size',
  'md5',
  'sha1',
  'sha256',
] as const;

export function mailpitAddress(a: MailAddress): { Name: string; Address: string } {
  return { Name: a.name, Address: a.address };
}

export function addresses(json: string | null): MailAddress[] {
  if (json === null) return [];
  return (JSON.parse(json) as { Name: string; Address: string }[]).map((a) => ({
    name: a.Name,
    address: a.Address,
  }));
}

export function mailRecord(r: MessageRow, attachments: AttachmentMeta[]): MailRecord {
  return {
    seq: r.seq,
    id: r.id,
    mailhogId: r.mailhog_id,
    hostname: r.hostname,
    createdAt: r.created_at,
    createdMs: r.created_ms,
    envelope: {
      helo: r.helo,
      mailFrom: r.mail_from,
      rcptTo: JSON.parse(r.rcpt_to) as string[],
      remoteAddress: r.remote_address,
      secure: r.secure === 1,
      authUser: r.auth_user,
    },
    ...(r.raw ? { raw: r.raw } : {}),
    sizeBytes: r.size,
    headers: JSON.parse(r.headers) as MailHeader[],
    messageId: r.message_id,
    subject: r.subject,
    date: r.date_ms === null ? null : { ms: r.date_ms, offsetMinutes: r.date_offset_minutes ?? 0 },
    dateSent: r.date_sent,
    from: addresses(r.from_json === null ? null : `[${r.from_json}]`)[0] ?? null,
    to: addresses(r.to_json),
    cc: addresses(r.cc_json),
    bcc: addresses(r.bcc_json),
    replyTo: addresses(r.reply_to_json),
    text: r.text,
    html: r.html,
    snippet: r.snippet,
    attachments,
    parseError: r.parse_error,
    read: r.read === 1,
  };
}

export function attachmentMeta(a: AttachmentMetaRow): AttachmentMeta {
  return {
    id: a.id,
    partId: a.part_id,
    filename: a.filename,
    contentType: a.content_type,
    contentId: a.content_id,
    disposition: a.disposition,
    inline: a.inline === 1,
    sizeBytes: a.size,
    md5: a.md5,
    sha1: a.sha1,
    sha256: a.sha256,
  };
}

export function smsRecord(r: Omit<MailsinkSmsRow, 'seq'> & { seq: number }): SmsRecord {
  return {
    seq: r.seq,
    id: r.id,
    to: r.recipient,
    body: r.body,
    templateType: r.template_type,
    messageType: r.message_type,
    subject: r.subject,
    contentType: r.content_type,
    request: r.request,
    createdAt: r.created_at,
    createdMs: r.created_ms,
  };
}

export function column(name: MailTextColumn): RawBuilder<string> {
  // `body` is what MailSlurper calls the body: the HTML part, else the text part.
  return name === 'body' ? sql<string>`coalesce(nullif(html, ''), text)` : sql<string>`${sql.ref(name)}`;
}

export function matches(eb: MessageEb, filters: MailFilter[]): Expression<SqlBool> {
  return eb.and(filters.map((f) => one(eb, f)));
}

export function one(eb: MessageEb, f: MailFilter): Expression<SqlBool> {
  switch (f.kind) {
    case 'contains': {
      const anyColumn = eb.or(f.columns.map((c) => sql<SqlBool>`instr(${column(c)}, ${f.value}) > 0`));
      return f.negate ? eb.not(anyColumn) : anyColumn;
    }
    case 'like': {
      const anyColumn = eb.or(f.columns.map((c) => sql<SqlBool>`${column(c)} LIKE ${f.pattern} ESCAPE '\\'`));
      return f.negate ? eb.not(anyColumn) : anyColumn;
    }
    case 'compare':
      return eb(f.column === 'size' ? 'size' : f.column, f.op, f.value);
    case 'constant':
      return sql<SqlBool>`${f.value ? 1 : 0} = 1`;
    case 'flag': {
      if (f.flag === 'read') return eb('read', '=', f.value ? 1 : 0);
      const col = f.flag === 'has_attachments' ? 'attachment_count' : 'inline_count';
      return f.value ? eb(col, '>', 0) : eb(col, '=', 0);
    }
  }
}
