// Orchestration: every change to captured mail and SMS goes through here, so that it is stored before it is
// announced and every API's deletions reach the console's live view.
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import type { MailSinkEventBus } from './events';
import { mailSummaryJson, smsJson } from './gatehouse-format';
import { buildMail } from './ingest';
import type { MailEnvelope, MailRecord, NewSms, SmsRecord } from './model';
import type { MailFilter, MailSinkPersister } from './persister';

export interface MailSinkDeps {
  store: MailSinkPersister;
  logger: Logger;
  clock: Clock;
}

/** Counters for Mailpit's /api/v1/info RuntimeStats. */
export interface MailSinkCounters {
  startedMs: number;
  smtpAccepted: number;
  smtpAcceptedBytes: number;
  smtpRejected: number;
  messagesDeleted: number;
}

export class MailSinkManager {
  readonly counters: MailSinkCounters;

  constructor(
    readonly deps: MailSinkDeps,
    readonly events: MailSinkEventBus,
    readonly hostname: string,
  ) {
    this.counters = {
      startedMs: Date.now(),
      smtpAccepted: 0,
      smtpAcceptedBytes: 0,
      smtpRejected: 0,
      messagesDeleted: 0,
    };
  }

  get store(): MailSinkPersister {
    return this.deps.store;
  }

  async receiveMail(raw: Buffer, envelope: MailEnvelope): Promise<MailRecord> {
    const mail = await buildMail(raw, envelope, { clock: this.deps.clock, hostname: this.hostname });
    const seq = this.store.insertMail(mail);
    const { raw: _raw, search: _search, attachments, ...rest } = mail;
    const stored: MailRecord = {
      ...rest,
      seq,
      read: false,
      attachments: attachments.map(({ content: _c, ...meta }) => meta),
    };
    this.counters.smtpAccepted++;
    this.counters.smtpAcceptedBytes += mail.sizeBytes;
    this.deps.logger.debug('mail sink captured a message', {
      id: mail.id,
      from: envelope.mailFrom,
      to: envelope.rcptTo,
      size: mail.sizeBytes,
    });
    this.events.publish('message.created', mailSummaryJson(stored));
    return stored;
  }

  rejected(): void {
    this.counters.smtpRejected++;
  }

  deleteMail(ids: string[]): string[] {
    const deleted = this.store.deleteMail(ids);
    this.afterDelete(deleted);
    return deleted;
  }

  deleteMatching(filters: MailFilter[]): string[] {
    const deleted = this.store.deleteMatching(filters);
    this.afterDelete(deleted);
    return deleted;
  }

  deleteAllMail(): number {
    const count = this.store.deleteAllMail();
    this.counters.messagesDeleted += count;
    this.events.publish('message.cleared', { count });
    return count;
  }

  setRead(ids: string[] | null, read: boolean, filters: MailFilter[] = []): string[] {
    const changed = this.store.setRead(ids, read, filters);
    if (changed.length > 0) this.events.publish('message.read', { ids: changed, read });
    return changed;
  }

  receiveSms(sms: NewSms): SmsRecord {
    this.store.insertSms(sms);
    const stored = this.store.findSms(sms.id);
    if (!stored) throw new Error(`stored SMS ${sms.id} cannot be read back`);
    this.events.publish('sms.created', smsJson(stored));
    return stored;
  }

  deleteSms(ids: string[]): string[] {
    const deleted = this.store.deleteSms(ids);
    if (deleted.length > 0) this.events.publish('sms.deleted', { ids: deleted });
    return deleted;
  }

  deleteAllSms(): number {
    const count = this.store.deleteAllSms();
    this.events.publish('sms.cleared', { count });
    return count;
  }

  private afterDelete(deleted: string[]): void {
    this.counters.messagesDeleted += deleted.length;
    if (deleted.length > 0) this.events.publish('message.deleted', { ids: deleted });
  }
}
