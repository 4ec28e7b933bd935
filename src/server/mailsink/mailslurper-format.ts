// MailSlurper's mail item JSON (mailslurper pkg/mailslurper MailItem.go, Attachment.go): what Kratos's
// Cypress suite reads through `GET /mail` (toAddresses, fromAddress, subject, body).
import { extractBoundary, headerValue } from './mime';
import type { AttachmentMeta, MailRecord } from './model';

export interface SlurperAttachment {
  id: string;
  mailId: string;
  headers: {
    contentType: string;
    mimeVersion: string;
    contentTransferEncoding: string;
    contentDisposition: string;
    fileName: string;
    body: string;
  };
  contents: string;
}

export interface SlurperMailItem {
  id: string;
  dateSent: string;
  fromAddress: string;
  toAddresses: string[];
  subject: string;
  xmailer: string;
  mimeVersion: string;
  body: string;
  contentType: string;
  boundary: string;
  attachments: SlurperAttachment[];
  transferEncoding: string;
  // Exported Go fields without JSON tags are serialised under their Go names; a stored item has them empty.
  Message: null;
  InlineAttachments: null;
  TextBody: string;
  HTMLBody: string;
}

/**
 * MailSlurper's body: the (decoded) HTML part, else the text part; a single-part text/plain message has
 * its line breaks turned into `<br />`, as MailSlurper does for display.
 */
export function slurperBody(m: MailRecord): string {
  const contentType = headerValue(m.headers, 'Content-Type') ?? '';
  const multipart = contentType.toLowerCase().startsWith('multipart/');
  // The final line break belongs to the SMTP terminator in MailSlurper's reading of the DATA block.
  if (!multipart && contentType.includes('text/plain'))
    return m.text.replace(/\r?\n$/, '').replace(/\r?\n/g, '<br />');
  return m.html !== '' ? m.html : m.text;
}

/** MailSlurper keeps parts with an attachment disposition as attachments (the rest are inline). */
export function slurperAttachments(m: MailRecord): AttachmentMeta[] {
  return m.attachments.filter((a) => a.disposition.toLowerCase().includes('attachment'));
}

export function slurperItem(m: MailRecord): SlurperMailItem {
  const contentType = headerValue(m.headers, 'Content-Type') ?? '';
  return {
    id: m.id,
    dateSent: m.dateSent,
    fromAddress: m.envelope.mailFrom,
    toAddresses: m.envelope.rcptTo,
    subject: m.subject === '' ? '(No Subject)' : m.subject,
    xmailer: headerValue(m.headers, 'X-Mailer') ?? '',
    mimeVersion: headerValue(m.headers, 'MIME-Version') ?? '',
    body: slurperBody(m),
    contentType,
    boundary: extractBoundary(contentType),
    attachments: slurperAttachments(m).map((a) => ({
      id: a.id,
      mailId: m.id,
      headers: {
        contentType: a.contentType,
        mimeVersion: '',
        contentTransferEncoding: '',
        contentDisposition: '',
        fileName: a.filename,
        body: '',
      },
      contents: '',
    })),
    transferEncoding: headerValue(m.headers, 'Content-Transfer-Encoding') ?? '',
    Message: null,
    InlineAttachments: null,
    TextBody: '',
    HTMLBody: '',
  };
}

export const PRUNE_OPTIONS = [
  { pruneCode: '60plus', description: 'Older than 60 days' },
  { pruneCode: '30plus', description: 'Older than 30 days' },
  { pruneCode: '2wksplus', description: 'Older than 2 weeks' },
  { pruneCode: 'all', description: 'All emails' },
] as const;

export type PruneCode = (typeof PRUNE_OPTIONS)[number]['pruneCode'];

export const PRUNE_DAYS: Record<PruneCode, number | null> = {
  '60plus': 60,
  '30plus': 30,
  '2wksplus': 14,
  all: null,
};

export function isPruneCode(v: unknown): v is PruneCode {
  return typeof v === 'string' && PRUNE_OPTIONS.some((o) => o.pruneCode === v);
}
