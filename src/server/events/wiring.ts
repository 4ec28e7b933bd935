// Which persister writes become which live events. One place, so a new write method is added here or its
// screen goes stale (the unit test lists the write methods of each persister).
import type { IdentityPersister } from '../identity/persister';
import type { SessionPersister } from '../session/persister';
import { type LiveEventPublisher, publishWrites } from './bus';

const firstArgId = (args: unknown[]): string[] => {
  const a = args[0];
  if (typeof a === 'string') return [a];
  if (a && typeof a === 'object' && 'id' in a && typeof a.id === 'string') return [a.id];
  return [];
};
const idsOfList = (args: unknown[]): string[] =>
  Array.isArray(args[0]) ? args[0].flatMap((x: unknown) => firstArgId([x])) : [];
const whereIds = (args: unknown[]): string[] => {
  const w = args[0] as { ids?: unknown } | undefined;
  return Array.isArray(w?.ids) ? w.ids.filter((i): i is string => typeof i === 'string') : [];
};

export function publishIdentityWrites(p: IdentityPersister, bus: LiveEventPublisher): IdentityPersister {
  return publishWrites(p, bus, 'identity', {
    createIdentity: { action: 'created', ids: firstArgId },
    createIdentities: { action: 'created', ids: idsOfList },
    updateIdentity: { action: 'updated', ids: firstArgId },
    deleteIdentity: { action: 'deleted', ids: firstArgId },
  });
}

export function publishSessionWrites(p: SessionPersister, bus: LiveEventPublisher): SessionPersister {
  return publishWrites(p, bus, 'session', {
    createSession: { action: 'created', ids: firstArgId },
    revokeByTokenHash: { action: 'revoked' },
    updateSession: { action: 'updated', ids: firstArgId },
    addDevice: { action: 'updated', ids: firstArgId },
    revokeSessions: { action: 'revoked', ids: whereIds },
    deleteSessions: { action: 'deleted', ids: whereIds },
    extendSession: { action: 'extended', ids: firstArgId },
  });
}
