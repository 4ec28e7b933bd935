// The Gatehouse-native JSON of captured mail and SMS (snake_case, like the rest of the server's HTTP
// surface): what the console lists, shows and receives as live events.
import { goTimeJson } from './go-format';
import { unfold } from './mime';
import type { AttachmentMeta, MailAddress, MailRecord, SmsRecord } from './model';

export interface MailSummaryJson {
  id: string;
  mailhog_id: string;
  message_id: string;
  /** Receive time, RFC 3339 in UTC with milliseconds. */
  created_at: string;
  size: number;
  from: MailAddress | null;
  to: MailAddress[];
  cc: MailAddress[];
  bcc: MailAddress[];
  subject: string;
  snippet: string;
  attachment_count: number;
  read: boolean;
  envelope: { helo: string; mail_from: string; rcpt_to: string[] };
  parse_error: string | null;
}

export interface AttachmentJson {
  id: string;
  part_id: string;
  filename: string;
  content_type: string;
  content_id: string;
  disposition: string;
  inline: boolean;
  size: number;
  checksums: { md5: string; sha1: string; sha256: string };
}

export interface MailDetailJson extends Omit<MailSummaryJson, 'envelope'> {
  reply_to: MailAddress[];
  /** The Date header in the zone it was written in; null when absent or unreadable. */
  date: string | null;
  headers: { name: string; value: string }[];
  text: string;
  html: string;
  attachments: AttachmentJson[];
  envelope: {
    helo: string;
    mail_from: string;
    rcpt_to: string[];
    remote_address: string;
    secure: boolean;
    auth_user: string | null;
  };
}

export interface SmsJson {
  id: string;
  to: string;
  body: string;
  template_type: string;
  message_type: string;
  subject: string;
  content_type: string;
  /** The request body as received (form bodies as an object of strings). */
  request: unknown;
  created_at: string;
}

export function mailSummaryJson(m: MailRecord): MailSummaryJson {
  return {
    id: m.id,
    mailhog_id: m.mailhogId,
    message_id: m.messageId,
    created_at: new Date(m.createdMs).toISOString(),
    size: m.sizeBytes,
    from: m.from,
    to: m.to,
    cc: m.cc,
    bcc: m.bcc,
    subject: m.subject,
    snippet: m.snippet,
    attachment_count: m.attachments.filter((a) => !a.inline).length,
    read: m.read,
    envelope: { helo: m.envelope.helo, mail_from: m.envelope.mailFrom, rcpt_to: m.envelope.rcptTo },
    parse_error: m.parseError,
  };
}

export function attachmentJson(a: AttachmentMeta): AttachmentJson {
  return {
    id: a.id,
    part_id: a.partId,
    filename: a.filename,
    content_type: a.contentType,
    content_id: a.contentId,
    disposition: a.disposition,
    inline: a.inline,
    size: a.sizeBytes,
    checksums: { md5: a.md5, sha1: a.sha1, sha256: a.sha256 },
  };
}

export function mailDetailJson(m: MailRecord): MailDetailJson {
  return {
    ...mailSummaryJson(m),
    reply_to: m.replyTo,
    date: m.date ? goTimeJson(m.date.ms, 0, m.date.offsetMinutes) : null,
    headers: m.headers.map(([name, value]) => ({ name, value: unfold(value) })),
    text: m.text,
    html: m.html,
    attachments: m.attachments.map(attachmentJson),
    envelope: {
      helo: m.envelope.helo,
      mail_from: m.envelope.mailFrom,
      rcpt_to: m.envelope.rcptTo,
      remote_address: m.envelope.remoteAddress,
      secure: m.envelope.secure,
      auth_user: m.envelope.authUser,
    },
  };
}

export function smsJson(s: SmsRecord): SmsJson {
  return {
    id: s.id,
    to: s.to,
    body: s.body,
    template_type: s.templateType,
    message_type: s.messageType,
    subject: s.subject,
    content_type: s.contentType,
    request: JSON.parse(s.request) as unknown,
    created_at: new Date(s.createdMs).toISOString(),
  };
}
