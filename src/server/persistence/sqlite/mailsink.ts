// SQLite storage of captured mail (raw source, parsed columns, attachments) and captured SMS.
import { sql } from 'kysely';
import type { AttachmentMeta, MailRecord, NewMail, NewSms, SmsRecord } from '../../mailsink/model';
import type { MailFilter, MailListQuery, MailSinkPersister, MailStats } from '../../mailsink/persister';
import type { SqliteDatabase } from './database';
import type { MailsinkMessageRow } from './tables';
import {
  attachmentColumns,
  attachmentMeta,
  listColumns,
  mailRecord,
  mailpitAddress,
  matches,
  smsRecord,
  type MessageRow,
} from './mailsink-rows';

export class SqliteMailSinkPersister implements MailSinkPersister {
  constructor(private readonly store: SqliteDatabase) {}

  // Inserts use fixed SQL through cached prepared statements: this is the SMTP hot path.
  insertMail(mail: NewMail): number {
    return this.store.transaction(() => {
      const row: Omit<MailsinkMessageRow, 'seq' | 'read'> = {
        id: mail.id,
        mailhog_id: mail.mailhogId,
        hostname: mail.hostname,
        created_at: mail.createdAt,
        created_ms: mail.createdMs,
        helo: mail.envelope.helo,
        mail_from: mail.envelope.mailFrom,
        rcpt_to: JSON.stringify(mail.envelope.rcptTo),
        remote_address: mail.envelope.remoteAddress,
        secure: mail.envelope.secure ? 1 : 0,
        auth_user: mail.envelope.authUser,
        size: mail.sizeBytes,
        raw: mail.raw,
        headers: JSON.stringify(mail.headers),
        message_id: mail.messageId,
        subject: mail.subject,
        date_ms: mail.date?.ms ?? null,
        date_offset_minutes: mail.date?.offsetMinutes ?? null,
        date_sent: mail.dateSent,
        from_json: mail.from ? JSON.stringify(mailpitAddress(mail.from)) : null,
        to_json: JSON.stringify(mail.to.map(mailpitAddress)),
        cc_json: JSON.stringify(mail.cc.map(mailpitAddress)),
        bcc_json: JSON.stringify(mail.bcc.map(mailpitAddress)),
        reply_to_json: JSON.stringify(mail.replyTo.map(mailpitAddress)),
        text: mail.text,
        html: mail.html,
        snippet: mail.snippet,
        attachment_count: mail.attachments.filter((a) => !a.inline).length,
        inline_count: mail.attachments.filter((a) => a.inline).length,
        parse_error: mail.parseError,
        mh_from: mail.search.mhFrom,
        mh_to: mail.search.mhTo,
        mh_containing: mail.search.mhContaining,
        search_text: mail.search.text,
      };
      const columns = Object.keys(row);
      const seq = Number(
        this.store
          .prepare(
            `INSERT INTO mailsink_messages (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
          )
          .run(...Object.values(row)).lastInsertRowid,
      );
      const insertAttachment = this.store.prepare(
        `INSERT INTO mailsink_attachments (id, message_seq, position, part_id, filename, content_type, content_id,
           disposition, inline, size, md5, sha1, sha256, content) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
      );
      mail.attachments.forEach((a, position) => {
        insertAttachment.run(
          a.id,
          seq,
          position,
          a.partId,
          a.filename,
          a.contentType,
          a.contentId,
          a.disposition,
          a.inline ? 1 : 0,
          a.sizeBytes,
          a.md5,
          a.sha1,
          a.sha256,
          a.content,
        );
      });
      return seq;
    });
  }

  findMail(id: string, opts: { withRaw?: boolean } = {}): MailRecord | undefined {
    let q = this.store.query
      .selectFrom('mailsink_messages')
      .select(listColumns)
      .where((eb) => eb.or([eb('id', '=', id), eb('mailhog_id', '=', id)]));
    if (opts.withRaw) q = q.select('raw');
    const row = this.store.first(q) as MessageRow | undefined;
    return row ? this.hydrate([row])[0] : undefined;
  }

  listMail(query: MailListQuery): MailRecord[] {
    const order = query.order ?? { column: 'seq', dir: 'desc' };
    let q = this.store.query
      .selectFrom('mailsink_messages')
      .select(listColumns)
      .where((eb) => matches(eb, query.filters ?? []))
      .orderBy(order.column, order.dir);
    if (order.column !== 'seq') q = q.orderBy('seq', order.dir);
    if (query.withRaw) q = q.select('raw');
    q = q.limit(query.limit ?? -1);
    if (query.offset) q = q.offset(query.offset);
    return this.hydrate(this.store.all(q) as MessageRow[]);
  }

  countMail(filters: MailFilter[] = []): number {
    return this.mailStats(filters).total;
  }

  mailStats(filters: MailFilter[] = []): MailStats {
    const row = this.store.first(
      this.store.query
        .selectFrom('mailsink_messages')
        .select((eb) => [
          eb.fn.countAll<number>().as('total'),
          sql<number>`coalesce(sum(case when read = 0 then 1 else 0 end), 0)`.as('unread'),
          sql<number>`coalesce(sum(size), 0)`.as('raw_bytes'),
        ])
        .where((eb) => matches(eb, filters)),
    );
    return {
      total: Number(row?.total ?? 0),
      unread: Number(row?.unread ?? 0),
      rawBytes: Number(row?.raw_bytes ?? 0),
    };
  }

  deleteMail(ids: string[]): string[] {
    if (ids.length === 0) return [];
    return this.store.transaction(() => {
      const found = this.store.all(
        this.store.query
          .selectFrom('mailsink_messages')
          .select('id')
          .where((eb) => eb.or([eb('id', 'in', ids), eb('mailhog_id', 'in', ids)])),
      );
      const deleted = found.map((r) => r.id);
      if (deleted.length > 0) {
        this.store.run(this.store.query.deleteFrom('mailsink_messages').where('id', 'in', deleted));
      }
      return deleted;
    });
  }

  deleteMatching(filters: MailFilter[]): string[] {
    return this.store.transaction(() => {
      const found = this.store.all(
        this.store.query
          .selectFrom('mailsink_messages')
          .select('id')
          .where((eb) => matches(eb, filters)),
      );
      const deleted = found.map((r) => r.id);
      for (let i = 0; i < deleted.length; i += 500) {
        const chunk = deleted.slice(i, i + 500);
        this.store.run(this.store.query.deleteFrom('mailsink_messages').where('id', 'in', chunk));
      }
      return deleted;
    });
  }

  deleteAllMail(): number {
    return this.store.transaction(() => {
      this.store.run(this.store.query.deleteFrom('mailsink_attachments'));
      return this.store.run(this.store.query.deleteFrom('mailsink_messages'));
    });
  }

  setRead(ids: string[] | null, read: boolean, filters: MailFilter[] = []): string[] {
    if (ids !== null && ids.length === 0) return [];
    return this.store.transaction(() => {
      const found = this.store.all(
        this.store.query
          .selectFrom('mailsink_messages')
          .select('id')
          .where('read', '=', read ? 0 : 1)
          .where((eb) => matches(eb, filters))
          .$if(ids !== null, (qb) => qb.where('id', 'in', ids ?? [])),
      );
      const changed = found.map((r) => r.id);
      for (let i = 0; i < changed.length; i += 500) {
        const chunk = changed.slice(i, i + 500);
        this.store.run(
          this.store.query
            .updateTable('mailsink_messages')
            .set({ read: read ? 1 : 0 })
            .where('id', 'in', chunk),
        );
      }
      return changed;
    });
  }

  getAttachment(
    mailId: string,
    key: { id: string } | { partId: string },
  ): { meta: AttachmentMeta; content: Buffer } | undefined {
    const row = this.store.first(
      this.store.query
        .selectFrom('mailsink_attachments as a')
        .innerJoin('mailsink_messages as m', 'm.seq', 'a.message_seq')
        .selectAll('a')
        .where((eb) => eb.or([eb('m.id', '=', mailId), eb('m.mailhog_id', '=', mailId)]))
        .where('id' in key ? 'a.id' : 'a.part_id', '=', 'id' in key ? key.id : key.partId)
        .orderBy('a.position')
        .limit(1),
    );
    return row ? { meta: attachmentMeta(row), content: row.content } : undefined;
  }

  insertSms(sms: NewSms): number {
    const row = this.store.first(
      this.store.query
        .insertInto('mailsink_sms')
        .values({
          id: sms.id,
          recipient: sms.to,
          body: sms.body,
          template_type: sms.templateType,
          message_type: sms.messageType,
          subject: sms.subject,
          content_type: sms.contentType,
          request: sms.request,
          created_at: sms.createdAt,
          created_ms: sms.createdMs,
        })
        .returning('seq'),
    );
    return Number(row?.seq);
  }

  findSms(id: string): SmsRecord | undefined {
    const row = this.store.first(
      this.store.query.selectFrom('mailsink_sms').selectAll().where('id', '=', id),
    );
    return row ? smsRecord(row) : undefined;
  }

  listSms(query: { offset?: number; limit?: number }): SmsRecord[] {
    let q = this.store.query
      .selectFrom('mailsink_sms')
      .selectAll()
      .orderBy('seq', 'desc')
      .limit(query.limit ?? -1);
    if (query.offset) q = q.offset(query.offset);
    return this.store.all(q).map(smsRecord);
  }

  countSms(): number {
    const row = this.store.first(
      this.store.query.selectFrom('mailsink_sms').select((eb) => eb.fn.countAll<number>().as('n')),
    );
    return Number(row?.n ?? 0);
  }

  deleteSms(ids: string[]): string[] {
    if (ids.length === 0) return [];
    return this.store.transaction(() => {
      const found = this.store.all(
        this.store.query.selectFrom('mailsink_sms').select('id').where('id', 'in', ids),
      );
      const deleted = found.map((r) => r.id);
      if (deleted.length > 0)
        this.store.run(this.store.query.deleteFrom('mailsink_sms').where('id', 'in', deleted));
      return deleted;
    });
  }

  deleteAllSms(): number {
    return this.store.run(this.store.query.deleteFrom('mailsink_sms'));
  }

  private hydrate(rows: MessageRow[]): MailRecord[] {
    if (rows.length === 0) return [];
    const attachments = new Map<number, AttachmentMeta[]>();
    const withAttachments = rows.filter((r) => r.attachment_count + r.inline_count > 0).map((r) => r.seq);
    for (let i = 0; i < withAttachments.length; i += 500) {
      const chunk = withAttachments.slice(i, i + 500);
      const found = this.store.all(
        this.store.query
          .selectFrom('mailsink_attachments')
          .select(attachmentColumns)
          .where('message_seq', 'in', chunk)
          .orderBy('message_seq')
          .orderBy('position'),
      );
      for (const a of found) {
        const list = attachments.get(a.message_seq) ?? [];
        list.push(attachmentMeta(a));
        attachments.set(a.message_seq, list);
      }
    }
    return rows.map((r) => mailRecord(r, attachments.get(r.seq) ?? []));
  }
}
