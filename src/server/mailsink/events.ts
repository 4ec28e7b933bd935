// Live events of the sink (new, deleted and read mail; new and deleted SMS). In-process subscribers get them
// synchronously after the change is committed; the SSE endpoint relays them. A short history lets a
// reconnecting EventSource catch up through Last-Event-ID.
import type { Logger } from '../logger';
import type { MailSummaryJson, SmsJson } from './gatehouse-format';

export interface MailSinkEventMap {
  'message.created': MailSummaryJson;
  'message.deleted': { ids: string[] };
  'message.cleared': { count: number };
  'message.read': { ids: string[]; read: boolean };
  'sms.created': SmsJson;
  'sms.deleted': { ids: string[] };
  'sms.cleared': { count: number };
}

export type MailSinkEventType = keyof MailSinkEventMap;

export type MailSinkEvent = {
  [K in MailSinkEventType]: { id: number; type: K; data: MailSinkEventMap[K] };
}[MailSinkEventType];

export type MailSinkListener = (event: MailSinkEvent) => void;

export interface MailSinkEvents {
  /**
   * Calls listener for every event from now on (after replaying kept events newer than `afterId`);
   * returns the unsubscribe function.
   */
  subscribe(listener: MailSinkListener, opts?: { afterId?: number }): () => void;
}

const HISTORY = 500;

export class MailSinkEventBus implements MailSinkEvents {
  private lastId = 0;
  private readonly history: MailSinkEvent[] = [];
  private readonly listeners = new Set<MailSinkListener>();

  constructor(private readonly logger: Logger) {}

  publish<K extends MailSinkEventType>(type: K, data: MailSinkEventMap[K]): MailSinkEvent {
    const event = { id: ++this.lastId, type, data } as MailSinkEvent;
    this.history.push(event);
    if (this.history.length > HISTORY) this.history.shift();
    for (const listener of [...this.listeners]) this.deliver(listener, event);
    return event;
  }

  subscribe(listener: MailSinkListener, opts: { afterId?: number } = {}): () => void {
    const { afterId } = opts;
    if (afterId !== undefined) {
      for (const event of this.history) if (event.id > afterId) this.deliver(listener, event);
    }
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  get size(): number {
    return this.listeners.size;
  }

  private deliver(listener: MailSinkListener, event: MailSinkEvent): void {
    try {
      listener(event);
    } catch (err) {
      // A failing subscriber must neither lose the event for the others nor fail the SMTP transaction.
      this.logger.error('mail sink event listener failed', { type: event.type, error: String(err) });
    }
  }
}
