// Hooks run after self-service flows (selfservice/hook): each configured `hook:` name maps to one of these.
import type { Context } from 'hono';
import type { Identity } from '../../identity/model';
import type { Session } from '../../session/model';
import type { StoredFlow } from '../flow/model';

export interface HookContext {
  c: Context;
  flow: StoredFlow;
  identity: Identity;
  /** The hook's `config` from kratos.yml. */
  config?: unknown;
}

export interface PostLoginHook {
  /**
   * Runs after the sign-in (`freshSession`: the session was created by this sign-in, not re-authenticated).
   * Returning a Response ends the sign-in with it, e.g. `require_verified_address` sending the browser to
   * verify its address; the hook then takes care of the session it ends.
   */
  executeLoginPostHook(
    ctx: HookContext & { session: Session; freshSession?: boolean },
  ): Promise<Response | undefined | void> | Response | undefined | void;
}

export interface PostRegistrationHook {
  /** Runs after the identity is stored. Returning a Response ends the flow with it (the `session` hook). */
  executePostRegistrationHook(ctx: HookContext): Promise<Response | undefined> | Response | undefined;
}

export interface PostSettingsHook {
  /**
   * Runs after the settings change is stored (post-persist). `previous` is the identity before the change.
   * Returning a Response ends the flow with it.
   */
  executeSettingsPostPersistHook(
    ctx: HookContext & { session: Session; previous: Identity },
  ): Promise<Response | undefined> | Response | undefined;
}

export interface PostRecoveryHook {
  /** Runs after a recovery succeeded, with the session it issued (selfservice/flow/recovery/hook.go). */
  executePostRecoveryHook(ctx: HookContext & { session: Session }): Promise<void> | void;
}

export interface PostVerificationHook {
  /** Runs after an address was verified (selfservice/flow/verification/hook.go). */
  executePostVerificationHook(ctx: HookContext): Promise<void> | void;
}
