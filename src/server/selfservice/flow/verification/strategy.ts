// What a verification method implements (selfservice/flow/verification/strategy.go). The handler asks
// each method in turn; a method answers NOT_RESPONSIBLE, a Response it wrote itself, or undefined when the
// flow was updated and the handler should answer with it (303 to the UI for browsers, JSON otherwise).
import type { Context } from 'hono';
import type { Identity } from '../../../identity/model';
import type { UiNodeGroup } from '../../../ui/types';
import type { StoredFlow } from '../model';
import type { NotResponsible } from '../strategy';
import type { OwnedVerifiableAddress } from './addresses';

export interface VerificationStrategy {
  id: 'code' | 'link';
  group: UiNodeGroup;
  /** Adds the method's nodes for the flow's state (choose_method, or sent_email for flows made by hooks). */
  populateVerification(c: Context, flow: StoredFlow): void;
  verify(c: Context, flow: StoredFlow): Promise<Response | NotResponsible | undefined>;
  /** Sends a code or link for the address of a flow created by a hook (Verifier, AddressVerifier). */
  sendVerificationCode(
    c: Context,
    flow: StoredFlow,
    identity: Identity,
    address: OwnedVerifiableAddress,
  ): Promise<void>;
}
