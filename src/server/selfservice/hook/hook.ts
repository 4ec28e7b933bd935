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
  executeLoginPostHook(ctx: HookContext & { session: Session }): Promise<void> | void;
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
