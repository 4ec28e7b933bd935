import type { Migration } from './migration';

// The capturing mail/SMS sink. Messages keep their raw source whole; the parsed columns serve the list views
// and searches of the MailHog, MailSlurper, Mailpit and Gatehouse APIs without re-parsing every message.
export const mailsink: Migration = {
  version: 20261121000100,
  name: 'mailsink',
  up: /* sql */ `
    CREATE TABLE mailsink_messages (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE,
      mailhog_id TEXT NOT NULL UNIQUE,
      hostname TEXT NOT NULL,
      created_at TEXT NOT NULL,
      created_ms INTEGER NOT NULL,
      helo TEXT NOT NULL,
      mail_from TEXT NOT NULL,
      rcpt_to TEXT NOT NULL,
      remote_address TEXT NOT NULL,
      secure INTEGER NOT NULL,
      auth_user TEXT,
      size INTEGER NOT NULL,
      raw BLOB NOT NULL,
      headers TEXT NOT NULL,
      message_id TEXT NOT NULL,
      subject TEXT NOT NULL,
      date_ms INTEGER,
      date_offset_minutes INTEGER,
      date_sent TEXT NOT NULL,
      from_json TEXT,
      to_json TEXT NOT NULL,
      cc_json TEXT NOT NULL,
      bcc_json TEXT NOT NULL,
      reply_to_json TEXT NOT NULL,
      text TEXT NOT NULL,
      html TEXT NOT NULL,
      snippet TEXT NOT NULL,
      attachment_count INTEGER NOT NULL,
      inline_count INTEGER NOT NULL,
      parse_error TEXT,
      read INTEGER NOT NULL DEFAULT 0,
      mh_from TEXT NOT NULL,
      mh_to TEXT NOT NULL,
      mh_containing TEXT NOT NULL,
      search_text TEXT NOT NULL
    ) STRICT;
    CREATE INDEX mailsink_messages_created_idx ON mailsink_messages (created_ms);
    CREATE INDEX mailsink_messages_date_sent_idx ON mailsink_messages (date_sent);

    CREATE TABLE mailsink_attachments (
      id TEXT PRIMARY KEY NOT NULL,
      message_seq INTEGER NOT NULL REFERENCES mailsink_messages (seq) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      part_id TEXT NOT NULL,
      filename TEXT NOT NULL,
      content_type TEXT NOT NULL,
      content_id TEXT NOT NULL,
      disposition TEXT NOT NULL,
      inline INTEGER NOT NULL,
      size INTEGER NOT NULL,
      md5 TEXT NOT NULL,
      sha1 TEXT NOT NULL,
      sha256 TEXT NOT NULL,
      content BLOB NOT NULL
    ) STRICT;
    CREATE INDEX mailsink_attachments_message_idx ON mailsink_attachments (message_seq, position);

    CREATE TABLE mailsink_sms (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE,
      recipient TEXT NOT NULL,
      body TEXT NOT NULL,
      template_type TEXT NOT NULL,
      message_type TEXT NOT NULL,
      subject TEXT NOT NULL,
      content_type TEXT NOT NULL,
      request TEXT NOT NULL,
      created_at TEXT NOT NULL,
      created_ms INTEGER NOT NULL
    ) STRICT;
  `,
};
