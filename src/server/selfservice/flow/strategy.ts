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
