// Every write method of the identity and session persisters publishes a live event: a new write method must
// be listed here as a read or wired in wiring.ts, or a console screen would silently go stale.
import { describe, expect, it } from 'vitest';
import { SqliteIdentityPersister } from '../persistence/sqlite/identity';
import { SqliteSessionPersister } from '../persistence/sqlite/session';
import { openDatabase } from '../persistence/sqlite/database';
import { MovableClock } from '../clock';
import { silentLogger } from '../logger';
import { LiveEventBus } from './bus';
import { publishIdentityWrites, publishSessionWrites } from './wiring';

const READS: Record<string, string[]> = {
  identity: [
    'getIdentity',
    'getIdentityByExternalId',
    'findByCredentialsIdentifier',
    'listIdentities',
    'countIdentities',
    // private helpers of the SQLite class, called only by the methods above
    'guard',
    'insert',
    'insertChildren',
    'hydrate',
  ],
  session: ['findByTokenHash', 'getSession', 'listSessions', 'countSessions', 'dataVersion', 'lookup'],
};

function methods(o: object): string[] {
  return Object.getOwnPropertyNames(Object.getPrototypeOf(o)).filter(
    (n) => n !== 'constructor' && typeof (o as Record<string, unknown>)[n] === 'function',
  );
}

describe('live event wiring', () => {
  const db = openDatabase('memory');
  const bus = new LiveEventBus(new MovableClock(), silentLogger);

  it.each([
    ['identity', publishIdentityWrites(new SqliteIdentityPersister(db), bus)],
    ['session', publishSessionWrites(new SqliteSessionPersister(db), bus)],
  ] as const)('case=%s: every method is a known read or publishes', (name, p) => {
    const unwired = methods(p).filter((m) => !Object.hasOwn(p, m) && !READS[name]!.includes(m));
    expect(unwired).toEqual([]);
  });
});
