// Row types of every table, for Kysely's query builder. JSON columns hold JSON text.

export interface IdentityRow {
  id: string;
  schema_id: string;
  state: string;
  state_changed_at: string | null;
  traits: string;
  metadata_public: string | null;
  metadata_admin: string | null;
  external_id: string | null;
  organization_id: string | null;
  available_aal: string | null;
  created_at: string;
  updated_at: string;
}

export interface CredentialRow {
  identity_id: string;
  type: string;
  config: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface CredentialIdentifierRow {
  type: string;
  identifier: string;
  identity_id: string;
  /** Order of the identifier within its credential. */
  position: number;
  created_at: string;
  updated_at: string;
}

export interface VerifiableAddressRow {
  id: string;
  identity_id: string;
  via: string;
  value: string;
  verified: number;
  verified_at: string | null;
  status: string;
  created_at: string;
  updated_at: string;
}

export interface RecoveryAddressRow {
  id: string;
  identity_id: string;
  via: string;
  value: string;
  created_at: string;
  updated_at: string;
}

export interface Tables {
  identities: IdentityRow;
  identity_credentials: CredentialRow;
  identity_credential_identifiers: CredentialIdentifierRow;
  identity_verifiable_addresses: VerifiableAddressRow;
  identity_recovery_addresses: RecoveryAddressRow;
}

// Mail sink (src/server/mailsink). Declaration merging keeps this an append-only addition to Tables.
import type { Generated } from 'kysely';

export interface MailsinkMessageRow {
  seq: Generated<number>;
  id: string;
  mailhog_id: string;
  hostname: string;
  created_at: string;
  created_ms: number;
  helo: string;
  mail_from: string;
  /** JSON array of addresses. */
  rcpt_to: string;
  remote_address: string;
  secure: number;
  auth_user: string | null;
  size: number;
  raw: Buffer;
  /** JSON array of [name, value]. */
  headers: string;
  message_id: string;
  subject: string;
  date_ms: number | null;
  date_offset_minutes: number | null;
  date_sent: string;
  /** Mailpit-shaped JSON ({"Name","Address"}) of the parsed address headers. */
  from_json: string | null;
  to_json: string;
  cc_json: string;
  bcc_json: string;
  reply_to_json: string;
  text: string;
  html: string;
  snippet: string;
  attachment_count: number;
  inline_count: number;
  parse_error: string | null;
  read: Generated<number>;
  mh_from: string;
  mh_to: string;
  mh_containing: string;
  search_text: string;
}

export interface MailsinkAttachmentRow {
  id: string;
  message_seq: number;
  position: number;
  part_id: string;
  filename: string;
  content_type: string;
  content_id: string;
  disposition: string;
  inline: number;
  size: number;
  md5: string;
  sha1: string;
  sha256: string;
  content: Buffer;
}

export interface MailsinkSmsRow {
  seq: Generated<number>;
  id: string;
  recipient: string;
  body: string;
  template_type: string;
  message_type: string;
  subject: string;
  content_type: string;
  request: string;
  created_at: string;
  created_ms: number;
}

export interface Tables {
  mailsink_messages: MailsinkMessageRow;
  mailsink_attachments: MailsinkAttachmentRow;
  mailsink_sms: MailsinkSmsRow;
}

// Courier queue (src/server/courier). Append-only addition to Tables, like the mail sink's.
export interface CourierMessageRow {
  id: string;
  status: string;
  type: string;
  channel: string;
  recipient: string;
  subject: string;
  body: string;
  html_body: string;
  template_type: string;
  /** JSON object with Kratos's JSON field names. */
  template_data: string;
  /** JSON object of header name to values. */
  request_headers: string;
  send_count: number;
  next_attempt_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface CourierDispatchRow {
  id: string;
  message_id: string;
  status: string;
  /** JSON of herodot's DefaultError, or null for a success. */
  error: string | null;
  created_at: string;
  updated_at: string;
}

export interface Tables {
  courier_messages: CourierMessageRow;
  courier_message_dispatches: CourierDispatchRow;
}
