// What a recovery method implements (selfservice/flow/recovery/strategy.go). The handler asks each method
// in turn; a method answers NOT_RESPONSIBLE, a Response it wrote itself, or undefined when the flow was
// updated and the handler should answer with it (303 to the UI for browsers, JSON otherwise).
import type { Context } from 'hono';
import type { UiNodeGroup } from '../../../ui/types';
import type { StoredFlow } from '../model';
import type { NotResponsible } from '../strategy';

export interface RecoveryStrategy {
  id: 'code' | 'link';
  group: UiNodeGroup;
  /** Adds the method's first-screen nodes to a new flow. */
  populateRecovery(c: Context, flow: StoredFlow): void;
  recover(c: Context, flow: StoredFlow): Promise<Response | NotResponsible | undefined>;
}

/**
 * Set in `internal` of flows an admin created with a recovery code (DangerousSkipCSRFCheck): the person
 * opening the link did not start the flow, so there is no CSRF cookie to bind it to.
 */
export const SKIP_CSRF_CHECK = 'dangerous_skip_csrf_check';
