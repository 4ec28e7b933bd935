// The server's one live-event bus (ARCHITECTURE.md D11). Domains publish what changed after it is committed;
// the console backend relays it to the renderer as server-sent events. A short history lets a reconnecting
// client catch up through Last-Event-ID instead of missing what happened while it was away.
import type { LiveEvent, LiveTopic } from '../../shared/live-events';
import type { Clock } from '../clock';
import type { Logger } from '../logger';

export type LiveListener = (event: LiveEvent) => void;

export interface LiveEventPublisher {
  publish(topic: LiveTopic, action: string, ids?: readonly string[]): void;
}

export interface LiveEventSource {
  /** Calls listener for every event from now on, after replaying kept events newer than `afterId`. */
  subscribe(listener: LiveListener, opts?: { afterId?: number }): () => void;
}

const HISTORY = 1000;
/** Past this many ids an event names none: the screen refetches the whole topic anyway. */
const MAX_IDS = 50;

export class LiveEventBus implements LiveEventPublisher, LiveEventSource {
  private lastId = 0;
  private readonly history: LiveEvent[] = [];
  private readonly listeners = new Set<LiveListener>();

  constructor(
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  publish(topic: LiveTopic, action: string, ids?: readonly string[]): void {
    const event: LiveEvent = { id: ++this.lastId, topic, action, at: this.clock.now().toISOString() };
    if (ids && ids.length > 0 && ids.length <= MAX_IDS) event.ids = [...ids];
    this.history.push(event);
    if (this.history.length > HISTORY) this.history.shift();
    for (const listener of [...this.listeners]) this.deliver(listener, event);
  }

  subscribe(listener: LiveListener, opts: { afterId?: number } = {}): () => void {
    const { afterId } = opts;
    if (afterId !== undefined) {
      for (const event of this.history) if (event.id > afterId) this.deliver(listener, event);
    }
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  get subscriberCount(): number {
    return this.listeners.size;
  }

  private deliver(listener: LiveListener, event: LiveEvent): void {
    try {
      listener(event);
    } catch (err) {
      // A failing subscriber must neither lose the event for the others nor fail the write that caused it.
      this.logger.error('live event listener failed', { topic: event.topic, error: String(err) });
    }
  }
}

type WriteSpec = { action: string; ids?: (args: unknown[], result: unknown) => string[] };

/**
 * Makes each named write method of a persister publish an event after it returns (a throwing write publishes
 * nothing). The wrappers are own properties of the instance, so reads (whoami, logins) keep their direct
 * prototype calls and pay nothing. `ids` picks the changed ids from the call's arguments and result.
 */
export function publishWrites<T extends object>(
  target: T,
  bus: LiveEventPublisher,
  topic: LiveTopic,
  writes: Partial<Record<keyof T & string, WriteSpec>>,
): T {
  for (const [name, spec] of Object.entries(writes) as [string, WriteSpec][]) {
    const original = (target as Record<string, unknown>)[name];
    if (typeof original !== 'function') throw new Error(`publishWrites: ${name} is not a method`);
    Object.defineProperty(target, name, {
      configurable: true,
      value: (...args: unknown[]): unknown => {
        const result: unknown = (original as (...a: unknown[]) => unknown).apply(target, args);
        bus.publish(topic, spec.action, spec.ids?.(args, result));
        return result;
      },
    });
  }
  return target;
}
