// SQLite storage of the courier queue. State changes are single guarded statements
// (`UPDATE … WHERE status = 'queued' … RETURNING`), so a message is claimed by exactly one worker
// even with two dispatch loops or two processes on the same database file.
import type {
  DispatchError,
  DispatchStatus,
  Message,
  MessageDispatch,
  MessageStatus,
  MessageType,
  TemplateType,
} from '../../courier/model';
import type {
  ClaimOptions,
  CourierPersister,
  FinishAttempt,
  ListMessagesQuery,
  NewMessage,
} from '../../courier/persister';
import type { SqliteDatabase } from './database';
import type { CourierDispatchRow, CourierMessageRow } from './tables';

const COLUMNS =
  'id, status, type, channel, recipient, subject, body, html_body, template_type, template_data, ' +
  'request_headers, send_count, next_attempt_at, created_at, updated_at';

function parseObject<T>(text: string | null, fallback: T): T {
  if (text === null) return fallback;
  try {
    const v = JSON.parse(text) as unknown;
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as T) : fallback;
  } catch {
    return fallback;
  }
}

function toMessage(r: CourierMessageRow): Message {
  return {
    id: r.id,
    status: r.status as MessageStatus,
    type: r.type as MessageType,
    channel: r.channel,
    recipient: r.recipient,
    subject: r.subject,
    body: r.body,
    htmlBody: r.html_body,
    templateType: r.template_type as TemplateType,
    templateData: parseObject<Record<string, unknown>>(r.template_data, {}),
    requestHeaders: parseObject<Record<string, string[]>>(r.request_headers, {}),
    sendCount: r.send_count,
    nextAttemptAt: r.next_attempt_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toDispatch(r: CourierDispatchRow): MessageDispatch {
  return {
    id: r.id,
    messageId: r.message_id,
    status: r.status as DispatchStatus,
    error: parseObject<DispatchError | null>(r.error, null),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export class SqliteCourierPersister implements CourierPersister {
  constructor(private readonly database: SqliteDatabase) {}

  addMessage(m: NewMessage): Message {
    const row: CourierMessageRow = {
      id: m.id,
      status: 'queued',
      type: m.type,
      channel: m.channel,
      recipient: m.recipient,
      subject: m.subject,
      body: m.body,
      html_body: m.htmlBody,
      template_type: m.templateType,
      template_data: JSON.stringify(m.templateData),
      request_headers: JSON.stringify(m.requestHeaders),
      send_count: 0,
      next_attempt_at: null,
      created_at: m.createdAt,
      updated_at: m.createdAt,
    };
    this.database
      .prepare(`INSERT INTO courier_messages (${COLUMNS}) VALUES (${COLUMNS.replace(/\w+/g, '?')})`)
      .run(...COLUMNS.split(', ').map((c) => row[c as keyof CourierMessageRow]));
    return toMessage(row);
  }

  claimMessages(opts: ClaimOptions): Message[] {
    return this.database.transaction(() => {
      this.database
        .prepare(
          `UPDATE courier_messages SET status = 'queued', updated_at = ?
           WHERE status = 'processing' AND updated_at < ?`,
        )
        .run(opts.now, opts.staleBefore);
      const rows = this.database
        .prepare(
          `UPDATE courier_messages SET status = 'processing', updated_at = ?
           WHERE status = 'queued' AND id IN (
             SELECT id FROM courier_messages
             WHERE status = 'queued' AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
             ORDER BY created_at ASC, id ASC LIMIT ?)
           RETURNING ${COLUMNS}`,
        )
        .all(opts.now, opts.now, opts.limit) as CourierMessageRow[];
      return rows
        .map(toMessage)
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    });
  }

  incrementSendCount(id: string, now: string): number | undefined {
    const row = this.database
      .prepare(
        'UPDATE courier_messages SET send_count = send_count + 1, updated_at = ? WHERE id = ? RETURNING send_count',
      )
      .get(now, id) as { send_count: number } | undefined;
    return row?.send_count;
  }

  finishAttempt(f: FinishAttempt): void {
    this.database.transaction(() => {
      this.database
        .prepare(
          `INSERT INTO courier_message_dispatches (id, message_id, status, error, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(
          f.dispatch.id,
          f.id,
          f.dispatch.status,
          f.dispatch.error ? JSON.stringify(f.dispatch.error) : null,
          f.now,
          f.now,
        );
      // Only a message this worker claimed moves on; `abandoned` set by a channel (an invalid
      // recipient, an SMTP 5xx) is final either way.
      this.database
        .prepare(
          `UPDATE courier_messages SET status = ?, next_attempt_at = ?, updated_at = ?
           WHERE id = ? AND status = 'processing'`,
        )
        .run(f.status, f.nextAttemptAt ?? null, f.now, f.id);
    });
  }

  setMessageStatus(id: string, status: MessageStatus, now: string, from?: MessageStatus): boolean {
    const guard = from === undefined ? '' : ' AND status = ?';
    const params: unknown[] = [status, now, id, ...(from === undefined ? [] : [from])];
    return (
      this.database
        .prepare(`UPDATE courier_messages SET status = ?, updated_at = ? WHERE id = ?${guard}`)
        .run(...params).changes > 0
    );
  }

  getMessage(id: string): Message | undefined {
    const row = this.database.prepare(`SELECT ${COLUMNS} FROM courier_messages WHERE id = ?`).get(id) as
      CourierMessageRow | undefined;
    if (!row) return undefined;
    return { ...toMessage(row), dispatches: this.listDispatches(id) };
  }

  listDispatches(messageId: string): MessageDispatch[] {
    const rows = this.database
      .prepare(
        `SELECT id, message_id, status, error, created_at, updated_at FROM courier_message_dispatches
         WHERE message_id = ? ORDER BY created_at DESC, id DESC`,
      )
      .all(messageId) as CourierDispatchRow[];
    return rows.map(toDispatch);
  }

  listMessages(q: ListMessagesQuery): Message[] {
    let query = this.database.query
      .selectFrom('courier_messages')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb('created_at', '<', q.after.createdAt),
          eb.and([eb('created_at', '=', q.after.createdAt), eb('id', '>', q.after.id)]),
        ]),
      );
    if (q.status !== undefined) query = query.where('status', '=', q.status);
    if (q.recipient !== undefined) query = query.where('recipient', '=', q.recipient);
    const rows = this.database.all(query.orderBy('created_at', 'desc').orderBy('id', 'asc').limit(q.limit));
    return rows.map(toMessage);
  }
}
