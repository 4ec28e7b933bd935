// `revoke_active_sessions` (selfservice/hook/session_destroyer.go): after login, every other session of the
// identity is revoked.
import type { SessionPersister } from '../../session/persister';
import type { PostLoginHook } from './hook';

export function revokeActiveSessionsHook(deps: { sessionPersister: SessionPersister }): PostLoginHook {
  return {
    executeLoginPostHook({ identity, session }) {
      deps.sessionPersister.revokeSessions({ identityIds: [identity.id], exceptId: session.id });
    },
  };
}
