import { describe, expect, it, vi } from 'vitest';
import { MovableClock } from '../clock';
import { silentLogger } from '../logger';
import { LiveEventBus, publishWrites } from './bus';

const bus = (): LiveEventBus =>
  new LiveEventBus(new MovableClock(), silentLogger);

describe('LiveEventBus', () => {
  it('case=numbers events and delivers them to every subscriber', () => {
    const b = bus();
    const seen: string[] = [];
    b.subscribe((e) => seen.push(`a${e.id}:${e.topic}.${e.action}`));
    b.subscribe((e) => seen.push(`b${e.id}:${e.ids?.join(',') ?? '-'}`));
    b.publish('identity', 'created', ['x']);
    b.publish('session', 'revoked');
    expect(seen).toEqual(['a1:identity.created', 'b1:x', 'a2:session.revoked', 'b2:-']);
  });

  it('case=replays kept events after the id a reconnecting client last saw', () => {
    const b = bus();
    for (let i = 0; i < 5; i++) b.publish('mail', 'created', [`m${i}`]);
    const seen: number[] = [];
    b.subscribe((e) => seen.push(e.id), { afterId: 3 });
    b.publish('mail', 'deleted');
    expect(seen).toEqual([4, 5, 6]);
  });

  it('case=names no ids when too many changed at once', () => {
    const b = bus();
    const got: (string[] | undefined)[] = [];
    b.subscribe((e) => got.push(e.ids));
    b.publish(
      'identity',
      'created',
      Array.from({ length: 51 }, (_, i) => String(i)),
    );
    b.publish('identity', 'created', []);
    expect(got).toEqual([undefined, undefined]);
  });

  it('case=a throwing subscriber neither stops the others nor the publisher', () => {
    const b = bus();
    const ok = vi.fn();
    b.subscribe(() => {
      throw new Error('boom');
    });
    b.subscribe(ok);
    expect(() => b.publish('flow', 'created')).not.toThrow();
    expect(ok).toHaveBeenCalledOnce();
  });

  it('case=unsubscribe stops delivery', () => {
    const b = bus();
    const fn = vi.fn();
    const off = b.subscribe(fn);
    off();
    b.publish('hook', 'called');
    expect(fn).not.toHaveBeenCalled();
    expect(b.subscriberCount).toBe(0);
  });
});

describe('publishWrites', () => {
  class Store {
    rows: string[] = [];
    add(id: string): number {
      this.rows.push(id);
      return this.rows.length;
    }
    fail(): void {
      throw new Error('unique violation');
    }
    count(): number {
      return this.rows.length;
    }
  }

  it('case=publishes after a write returns, with its result unchanged', () => {
    const b = bus();
    const events: string[] = [];
    b.subscribe((e) => events.push(`${e.topic}.${e.action}:${e.ids?.join(',')}`));
    const s = publishWrites(new Store(), b, 'identity', {
      add: { action: 'created', ids: (args) => [String(args[0])] },
      fail: { action: 'created' },
    });
    expect(s.add('a')).toBe(1);
    expect(s.count()).toBe(1);
    expect(events).toEqual(['identity.created:a']);
  });

  it('case=a throwing write publishes nothing', () => {
    const b = bus();
    const fn = vi.fn();
    b.subscribe(fn);
    const s = publishWrites(new Store(), b, 'identity', { fail: { action: 'created' } });
    expect(() => s.fail()).toThrow('unique violation');
    expect(fn).not.toHaveBeenCalled();
  });

  it('case=reads stay the prototype methods (no wrapper on hot paths)', () => {
    const s = publishWrites(new Store(), bus(), 'identity', { add: { action: 'created' } });
    expect(Object.hasOwn(s, 'count')).toBe(false);
    expect(Object.hasOwn(s, 'add')).toBe(true);
  });
});
