// `revoke_active_sessions` (selfservice/hook/session_destroyer.go): after login, a settings change or a
// recovery, every other session of the identity is revoked.
import type { SessionPersister } from '../../session/persister';
import type { PostLoginHook, PostRecoveryHook, PostSettingsHook } from './hook';

export function revokeActiveSessionsHook(deps: {
  sessionPersister: SessionPersister;
}): PostLoginHook & PostSettingsHook & PostRecoveryHook {
  return {
    executeLoginPostHook({ identity, session }) {
      deps.sessionPersister.revokeSessions({ identityIds: [identity.id], exceptId: session.id });
    },
    executeSettingsPostPersistHook({ identity, session }) {
      deps.sessionPersister.revokeSessions({ identityIds: [identity.id], exceptId: session.id });
      return undefined;
    },
    executePostRecoveryHook({ identity, session }) {
      deps.sessionPersister.revokeSessions({ identityIds: [identity.id], exceptId: session.id });
    },
  };
}
