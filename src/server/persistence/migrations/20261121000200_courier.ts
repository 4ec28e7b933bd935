import type { Migration } from './migration';

// The courier queue (Kratos's courier_messages and courier_message_dispatches). Timestamps are ISO
// strings with milliseconds, so text order is time order. The worker claims `queued` messages by
// (status, next_attempt_at); the admin list walks (created_at DESC, id) with optional filters.
export const courier: Migration = {
  version: 20261121000200,
  name: 'courier',
  up: /* sql */ `
    CREATE TABLE courier_messages (
      id TEXT PRIMARY KEY NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('queued', 'processing', 'sent', 'abandoned')),
      type TEXT NOT NULL CHECK (type IN ('email', 'sms')),
      channel TEXT NOT NULL,
      recipient TEXT NOT NULL,
      subject TEXT NOT NULL,
      body TEXT NOT NULL,
      html_body TEXT NOT NULL,
      template_type TEXT NOT NULL,
      template_data TEXT NOT NULL,
      request_headers TEXT NOT NULL,
      send_count INTEGER NOT NULL DEFAULT 0,
      next_attempt_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX courier_messages_list_idx ON courier_messages (created_at DESC, id);
    CREATE INDEX courier_messages_status_idx ON courier_messages (status, created_at);
    CREATE INDEX courier_messages_recipient_idx ON courier_messages (recipient, created_at DESC, id);

    CREATE TABLE courier_message_dispatches (
      id TEXT PRIMARY KEY NOT NULL,
      message_id TEXT NOT NULL REFERENCES courier_messages (id) ON DELETE CASCADE,
      status TEXT NOT NULL CHECK (status IN ('failed', 'success')),
      error TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX courier_message_dispatches_message_idx ON courier_message_dispatches (message_id, created_at DESC);
  `,
};
