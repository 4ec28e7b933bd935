// What the mail sink needs from storage (consumer-declared, ARCHITECTURE.md convention 2). All calls are
// synchronous: the SQLite implementation runs each as one step of the event loop, so a message is durable
// before the SMTP client hears 250.
import type { AttachmentMeta, MailRecord, NewMail, NewSms, SmsRecord } from './model';

/**
 * Text columns a filter can look at. `mh_*` and `search_text` hold lower-cased text (compare them with
 * lower-cased values); `body` is the HTML body, or the text body when there is no HTML.
 */
export type MailTextColumn =
  | 'mh_from'
  | 'mh_to'
  | 'mh_containing'
  | 'search_text'
  | 'subject'
  | 'message_id'
  | 'from_json'
  | 'to_json'
  | 'cc_json'
  | 'bcc_json'
  | 'reply_to_json'
  | 'body'
  | 'mail_from'
  | 'rcpt_to';

export type MailFilter =
  /** Exact substring of any of the columns (OR); negated: of none of them. */
  | { kind: 'contains'; columns: MailTextColumn[]; value: string; negate?: boolean }
  /** SQL LIKE (ASCII case-insensitive, `\` escapes) against any of the columns; negated: none. */
  | { kind: 'like'; columns: MailTextColumn[]; pattern: string; negate?: boolean }
  | {
      kind: 'compare';
      column: 'created_ms' | 'size' | 'date_sent';
      op: '<' | '<=' | '>' | '>=';
      value: number | string;
    }
  | { kind: 'flag'; flag: 'read' | 'has_attachments' | 'has_inline'; value: boolean }
  /** Matches every message (true) or none (false): search terms about features the sink lacks (tags). */
  | { kind: 'constant'; value: boolean };

export interface MailOrder {
  column: 'seq' | 'date_sent' | 'subject' | 'mail_from';
  dir: 'asc' | 'desc';
}

export interface MailListQuery {
  filters?: MailFilter[];
  /** Default: newest first. Ties are broken by storage order. */
  order?: MailOrder;
  offset?: number;
  limit?: number;
  withRaw?: boolean;
}

export interface MailStats {
  total: number;
  unread: number;
  /** Stored bytes of raw sources. */
  rawBytes: number;
}

export interface MailSinkPersister {
  insertMail(mail: NewMail): number;
  /** By the sink id or the MailHog id. */
  findMail(id: string, opts?: { withRaw?: boolean }): MailRecord | undefined;
  listMail(query: MailListQuery): MailRecord[];
  countMail(filters?: MailFilter[]): number;
  mailStats(filters?: MailFilter[]): MailStats;
  /** Deletes by sink id or MailHog id; returns the sink ids actually deleted. */
  deleteMail(ids: string[]): string[];
  /** Deletes everything matching; returns the sink ids deleted. */
  deleteMatching(filters: MailFilter[]): string[];
  deleteAllMail(): number;
  /** Sets the read flag on the given messages (all when ids is null) that match; returns changed ids. */
  setRead(ids: string[] | null, read: boolean, filters?: MailFilter[]): string[];
  getAttachment(
    mailId: string,
    key: { id: string } | { partId: string },
  ): { meta: AttachmentMeta; content: Buffer } | undefined;

  insertSms(sms: NewSms): number;
  findSms(id: string): SmsRecord | undefined;
  /** Newest first. */
  listSms(query: { offset?: number; limit?: number }): SmsRecord[];
  countSms(): number;
  deleteSms(ids: string[]): string[];
  deleteAllSms(): number;
}

export interface MailSinkPersisterProvider {
  mailSinkPersister: MailSinkPersister;
}
