// What a self-service method implements per flow (ARCHITECTURE.md convention 3): flow handlers loop over the
// ordered strategies; a strategy that is not responsible for a submission returns NOT_RESPONSIBLE and the
// next one is tried. Adding a method is adding a folder and one line in the registry.
import type { Context } from 'hono';
import type { Identity } from '../../identity/model';
import type { AuthenticationMethod } from '../../session/model';
import type { CurrentSession, RequestInfo } from '../../session/manager';
import type { UiNodeGroup } from '../../ui/types';
import type { StoredFlow } from './model';

export const NOT_RESPONSIBLE = Symbol('not responsible');
export type NotResponsible = typeof NOT_RESPONSIBLE;

export interface SubmitContext {
  c: Context;
  req: RequestInfo;
  flow: StoredFlow;
  body: Record<string, unknown>;
  /** The request body was JSON. */
  json: boolean;
}

export interface LoginStrategy {
  id: string;
  group: UiNodeGroup;
  /** Adds the method's first-factor nodes to a new aal1 flow (refresh: the session to re-authenticate). */
  populateLogin?(flow: StoredFlow, ctx: { refresh?: CurrentSession }): void | Promise<void>;
  /** Adds second-factor nodes to a new aal2 flow. */
  populateLoginSecondFactor?(flow: StoredFlow, ctx: { session: CurrentSession }): void | Promise<void>;
  /**
   * FastLogin2FA: right after an aal2 flow was created (and stored) the strategy may take the first step
   * itself, e.g. send the only second-factor code, and answer the init request.
   */
  fastLogin?(ctx: {
    c: Context;
    flow: StoredFlow;
    session: CurrentSession;
  }): Promise<Response | NotResponsible>;
  login(ctx: SubmitContext & { session?: CurrentSession }): Promise<Identity | NotResponsible | Response>;
  /** The AMR entry for a completed login with this method. */
  authenticationMethod(flow: StoredFlow): Omit<AuthenticationMethod, 'completed_at'>;
}

export interface RegistrationStrategy {
  id: string;
  group: UiNodeGroup;
  /** One-step registration: the whole form. */
  populateRegistration(flow: StoredFlow): void | Promise<void>;
  /** Two-step registration, first screen: the profile (traits) form. */
  populateRegistrationProfile?(flow: StoredFlow): void | Promise<void>;
  /** Two-step registration, second screen: this method's credential nodes. */
  populateRegistrationCredentials?(flow: StoredFlow): void | Promise<void>;
  /**
   * Returns the identity to create (traits validated, credentials set), or a Response when the strategy
   * answered itself (e.g. the two-step profile screen handed back to the UI).
   */
  register(ctx: SubmitContext): Promise<Identity | NotResponsible | Response>;
  authenticationMethod?(flow: StoredFlow): Omit<AuthenticationMethod, 'completed_at'>;
}

export interface SettingsSubmitContext extends SubmitContext {
  /** The session making the change (its identity with credentials). */
  session: CurrentSession;
  /**
   * A copy of the session's identity, credentials included, for the strategy to change and return. Nothing
   * is stored until the settings handler has run the hooks.
   */
  identity: Identity;
  /** Throws `session_refresh_required` unless the session was authenticated within privileged_session_max_age. */
  requirePrivileged(): void;
}

/** A settings change to store: the updated identity and AMR entries to add to the session (TOTP setup). */
export interface SettingsUpdate {
  identity: Identity;
  sessionMethods?: Omit<AuthenticationMethod, 'completed_at'>[];
}

export interface SettingsStrategy {
  id: string;
  group: UiNodeGroup;
  /** Adds the method's nodes for this identity (its current credentials decide what is shown). */
  populateSettings(flow: StoredFlow, ctx: { identity: Identity }): void | Promise<void>;
  /**
   * Applies a submission. Returns the update to store, NOT_RESPONSIBLE when the body's `method` is not this
   * one, or throws. Throw `new ReturnToUi()` to show the flow again without saving (e.g. regenerated
   * backup codes waiting for confirmation).
   */
  settings(ctx: SettingsSubmitContext): Promise<SettingsUpdate | NotResponsible>;
}

/** ErrStrategyAsksToReturnToUI: the strategy changed the flow's nodes and wants the user to see them. */
export class ReturnToUi extends Error {
  constructor() {
    super('the strategy asks to return to the UI');
  }
}
