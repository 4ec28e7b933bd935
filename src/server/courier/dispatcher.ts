// The dispatch worker (courier.go watchMessages, courier_dispatcher.go DispatchQueue): every
// `courier.worker.pull_wait` it claims up to `pull_count` due messages and sends them one by one.
// It also runs right after a message is queued, so local development does not wait a second.
//
// Retries: send_count goes up before each attempt; a failure records a failed dispatch and
// requeues the message with exponential backoff (pull_wait, 2×, 4×, … capped at a minute), and
// once send_count exceeds `courier.message_retries` (5) the message is `abandoned` — Kratos's rule,
// so a message is tried retries + 1 times. Channels can abandon at once (SMTP 5xx, bad recipient).
import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import { type Channel, resolveChannel, toDispatchFailure } from './channels';
import type { CourierSettings } from './config';
import type { Message } from './model';
import type { CourierPersister } from './persister';

const MAX_BACKOFF_MS = 60_000;
/** A `processing` message untouched this long belongs to a sender that died; it is requeued. */
const STALE_PROCESSING_MS = 5 * 60_000;

export interface DispatcherDeps {
  persister: CourierPersister;
  settings: CourierSettings;
  clock: Clock;
  logger: Logger;
  fetch?: typeof fetch;
  /** Replaces channel resolution (tests). */
  channel?: (id: string) => Channel;
}

export function retryDelayMs(attempt: number, pullWaitMs: number): number {
  const base = Math.max(pullWaitMs, 1);
  return Math.min(base * 2 ** Math.max(attempt - 1, 0), MAX_BACKOFF_MS);
}

export class Dispatcher {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private again = false;
  private started = false;
  private closed = false;

  constructor(private readonly deps: DispatcherDeps) {}

  start(): void {
    if (this.started || this.closed) return;
    this.started = true;
    this.schedule(0);
  }

  /** Dispatch soon (after a message was queued). */
  wake(): void {
    if (!this.started || this.closed) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => 0);
  }

  /** One pass over the queue. Returns how many messages were claimed. */
  async dispatchQueue(): Promise<number> {
    const { persister, settings, clock } = this.deps;
    const now = clock.now();
    const messages = persister.claimMessages({
      limit: settings.pullCount(),
      now: now.toISOString(),
      staleBefore: new Date(now.getTime() - STALE_PROCESSING_MS).toISOString(),
    });
    const retries = settings.messageRetries();
    for (const [i, msg] of messages.entries()) {
      if (this.closed) {
        // Hand the rest back; the next start picks them up.
        for (const rest of messages.slice(i))
          persister.setMessageStatus(rest.id, 'queued', clock.now().toISOString(), 'processing');
        break;
      }
      if (msg.sendCount > retries) {
        persister.setMessageStatus(msg.id, 'abandoned', clock.now().toISOString(), 'processing');
        this.deps.logger.warn(
          `Message was abandoned because it did not deliver after ${msg.sendCount} attempts`,
          {
            message_id: msg.id,
          },
        );
        continue;
      }
      await this.dispatchMessage(msg, retries);
    }
    return messages.length;
  }

  private async dispatchMessage(msg: Message, retries: number): Promise<void> {
    const { persister, clock, logger, settings } = this.deps;
    const sendCount = persister.incrementSendCount(msg.id, clock.now().toISOString()) ?? msg.sendCount + 1;
    const fields = { message_id: msg.id, message_type: msg.type, message_template_type: msg.templateType };
    try {
      const channel = this.deps.channel
        ? this.deps.channel(msg.channel)
        : resolveChannel(settings.channels(), msg.channel, {
            logger,
            ...(this.deps.fetch ? { fetch: this.deps.fetch } : {}),
          });
      await channel.dispatch({ ...msg, sendCount });
      persister.finishAttempt({
        id: msg.id,
        now: clock.now().toISOString(),
        status: 'sent',
        dispatch: { id: randomUUID(), status: 'success', error: null },
      });
      logger.debug('Courier sent out message.', { ...fields, channel: msg.channel });
    } catch (e) {
      const failure = toDispatchFailure(e);
      const abandon = failure.abandon || sendCount > retries;
      const now = clock.now();
      persister.finishAttempt({
        id: msg.id,
        now: now.toISOString(),
        status: abandon ? 'abandoned' : 'queued',
        nextAttemptAt: abandon
          ? null
          : new Date(now.getTime() + retryDelayMs(sendCount, settings.pullWaitMs())).toISOString(),
        dispatch: { id: randomUUID(), status: 'failed', error: failure.error },
      });
      logger.warn('Unable to dispatch message.', { ...fields, error: failure.message });
      if (abandon) {
        logger.warn(`Message was abandoned because it did not deliver after ${sendCount} attempts`, fields);
      }
    }
  }

  private schedule(delayMs: number): void {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), delayMs);
  }

  private async tick(): Promise<void> {
    this.timer = undefined;
    if (this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    let waitMs = 1000;
    this.running = this.dispatchQueue();
    try {
      const claimed = await this.running;
      waitMs = this.deps.settings.pullWaitMs();
      // A full batch means more may be waiting; a wake-up during the pass means a new message.
      if (this.again || claimed >= this.deps.settings.pullCount()) waitMs = 0;
    } catch (e) {
      this.deps.logger.error('courier: dispatching the queue failed', {
        error: e instanceof Error ? e.message : String(e),
      });
    } finally {
      this.running = undefined;
      this.again = false;
    }
    this.schedule(waitMs);
  }
}
