import { describe, expect, it } from 'vitest';
import type { Logger } from '../logger';
import { MailSinkEventBus, type MailSinkEvent } from './events';

const errors: string[] = [];
const logger: Logger = { debug() {}, info() {}, warn() {}, error: (msg) => void errors.push(msg) };

describe('MailSinkEventBus', () => {
  it('case=ids increase, history replays after an id, unsubscribe stops delivery', () => {
    const bus = new MailSinkEventBus(logger);
    bus.publish('sms.cleared', { count: 1 });
    bus.publish('message.deleted', { ids: ['a'] });
    const seen: MailSinkEvent[] = [];
    const off = bus.subscribe((e) => seen.push(e), { afterId: 1 });
    bus.publish('message.cleared', { count: 2 });
    off();
    bus.publish('message.cleared', { count: 3 });
    expect(seen.map((e) => [e.id, e.type])).toEqual([
      [2, 'message.deleted'],
      [3, 'message.cleared'],
    ]);
    expect(bus.size).toBe(0);
  });

  it('case=a throwing subscriber is logged and does not stop the others', () => {
    const bus = new MailSinkEventBus(logger);
    const seen: number[] = [];
    bus.subscribe(() => {
      throw new Error('boom');
    });
    bus.subscribe((e) => seen.push(e.id));
    bus.publish('sms.deleted', { ids: [] });
    expect(seen).toEqual([1]);
    expect(errors).toContain('mail sink event listener failed');
  });

  it('case=history is bounded', () => {
    const bus = new MailSinkEventBus(logger);
    for (let i = 0; i < 600; i++) bus.publish('sms.cleared', { count: i });
    const seen: number[] = [];
    bus.subscribe((e) => seen.push(e.id), { afterId: 0 });
    expect(seen).toHaveLength(500);
    expect(seen[0]).toBe(101);
  });
});
