// The mail sink's domain types: a captured message as the sink stores it (raw source plus everything parsed
// from it once at receive time), its attachments, and captured SMS. The API formatters (MailHog, MailSlurper,
// Mailpit, Gatehouse) are pure functions of these records.

export interface MailAddress {
  name: string;
  address: string;
}

/** The SMTP transaction a message arrived in. */
export interface MailEnvelope {
  /** The HELO/EHLO argument. */
  helo: string;
  /** MAIL FROM address ('' for the null sender). */
  mailFrom: string;
  /** RCPT TO addresses, in order. */
  rcptTo: string[];
  remoteAddress: string;
  /** True when the session used TLS (STARTTLS or implicit). */
  secure: boolean;
  /** The AUTH username, if the client authenticated (any credentials are accepted). */
  authUser: string | null;
}

/** A parsed Date header: the instant and the zone offset it was written in. */
export interface MailDate {
  ms: number;
  offsetMinutes: number;
}

/** One header line as sent: the name as written, the value unfolded (CRLFs removed) and not decoded. */
export type MailHeader = [name: string, value: string];

export interface AttachmentMeta {
  id: string;
  /** IMAP-style part number ("2", "1.3"), as Mailpit's PartID. */
  partId: string;
  filename: string;
  contentType: string;
  contentId: string;
  /** The Content-Disposition type ('attachment', 'inline') or ''. */
  disposition: string;
  /** True for parts shown inline (Mailpit's `Inline` list), false for real attachments. */
  inline: boolean;
  sizeBytes: number;
  md5: string;
  sha1: string;
  sha256: string;
}

export interface NewAttachment extends AttachmentMeta {
  content: Buffer;
}

/** Lower-cased haystacks for the MailHog v2 search kinds and the Mailpit free-text search. */
export interface MailSearchText {
  mhFrom: string;
  mhTo: string;
  mhContaining: string;
  text: string;
}

/** Everything stored about a message except attachment contents (and `raw` unless asked for). */
export interface MailRecord {
  /** Storage order; newest has the highest. */
  seq: number;
  /** The sink's own id (a UUID): MailSlurper, Mailpit and Gatehouse endpoints use it. */
  id: string;
  /** MailHog's id: base64url(32 random bytes)@hostname. */
  mailhogId: string;
  /** The hostname MailHog's added headers name (MH_HOSTNAME at receive time). */
  hostname: string;
  /** Receive time as Go formats it (RFC 3339 with nanoseconds, trailing zeros trimmed). */
  createdAt: string;
  createdMs: number;
  envelope: MailEnvelope;
  /** The whole DATA section, byte for byte (present when the query asked for it). */
  raw?: Buffer;
  sizeBytes: number;
  headers: MailHeader[];
  /** Message-ID without angle brackets; the MailHog id when the message had none. */
  messageId: string;
  /** Decoded Subject ('' when absent). */
  subject: string;
  date: MailDate | null;
  /** MailSlurper's dateSent: the Date header's wall-clock time ("2006-01-02 15:04:05"), else receive time. */
  dateSent: string;
  from: MailAddress | null;
  to: MailAddress[];
  cc: MailAddress[];
  bcc: MailAddress[];
  replyTo: MailAddress[];
  /** Decoded text and HTML bodies ('' when absent). */
  text: string;
  html: string;
  snippet: string;
  attachments: AttachmentMeta[];
  /** Why the MIME structure could not be fully parsed; the raw source is stored regardless. */
  parseError: string | null;
  read: boolean;
}

export interface NewMail extends Omit<MailRecord, 'seq' | 'read' | 'attachments' | 'raw'> {
  raw: Buffer;
  attachments: NewAttachment[];
  search: MailSearchText;
}

export interface SmsRecord {
  seq: number;
  id: string;
  /** `to` of the request, else `recipient`. */
  to: string;
  body: string;
  templateType: string;
  /** Kratos's message_type ("sms", or "email" when the HTTP email channel points here). */
  messageType: string;
  subject: string;
  /** The request's Content-Type. */
  contentType: string;
  /** The request body as received, as a JSON object text (form bodies are converted). */
  request: string;
  createdAt: string;
  createdMs: number;
}

export type NewSms = Omit<SmsRecord, 'seq'>;
