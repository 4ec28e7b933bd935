// The internal `verification` hook (selfservice/hook/verification.go Verifier): after a registration, a
// sign-in or a settings change, a verification flow in `sent_email` is created for the first address that
// still needs verifying, its code or link is sent and the address becomes `sent`. The flow is remembered
// for `show_verification_ui`; with `feature_flags.legacy_continue_with_verification_ui` every address gets
// one and each is added to continue_with directly. Prepended to the post-registration and post-settings
// hooks whenever verification is enabled.
import type { Context } from 'hono';
import type { Identity, VerifiableAddress } from '../../identity/model';
import { verificationCodeSent } from '../../text/verification';
import { appendNode, setMessage } from '../../ui/container';
import type { ContinueWith, StoredFlow } from '../flow/model';
import { legacyContinueWithVerificationUi } from '../flow/recovery/config';
import type { FlowService } from '../flow/service';
import type { AddressPersister } from '../flow/verification/addresses';
import type { VerificationFlowManager } from '../flow/verification/manager';
import { saveFlow } from '../flow/verification/respond';
import { resendButton } from '../strategy/code/recovery-nodes';
import type { PostLoginHook, PostRegistrationHook, PostSettingsHook } from './hook';

/** Where the hook leaves the verification flow for `show_verification_ui` (the Kratos key). */
export const VERIFICATION_FLOW_KEY = 'registration_verification_flow_continue_with';

export interface VerifierDeps {
  flows: FlowService;
  addressPersister: AddressPersister;
  verificationFlows(): VerificationFlowManager;
}

/** flow.NewContinueWithVerificationUI. */
export function showVerificationUi(flowId: string, address: string, url: string): ContinueWith {
  return {
    action: 'show_verification_ui',
    flow: { id: flowId, verifiable_address: address, ...(url ? { url } : {}) },
  };
}

export function verificationHook(
  deps: VerifierDeps,
): PostRegistrationHook & PostSettingsHook & PostLoginHook {
  const { flows } = deps;

  const run = async (c: Context, flow: StoredFlow, identity: Identity): Promise<void> => {
    const { active, primary } = deps.verificationFlows().active();
    const afterSignUpOrIn = flow.kind === 'registration' || flow.kind === 'login';
    for (const address of identity.verifiable_addresses) {
      // After sign-up and sign-in every unverified address counts; after settings only new ones.
      if (afterSignUpOrIn ? address.verified : address.status !== 'pending') continue;
      if (!address.value) continue;

      const verification = deps.verificationFlows().newPostHookFlow(c, flow, active);
      verification.state = 'sent_email';
      primary.populateVerification(c, verification);
      if (primary.group === 'code') setMessage(verification.ui, verificationCodeSent(address.via));
      appendNode(verification.ui, resendButton(address.via, address.value));
      saveFlow(flows, verification);

      await primary.sendVerificationCode(c, verification, identity, {
        ...address,
        identity_id: identity.id,
      });
      markSent(address);

      const url = verification.type === 'browser' ? flows.uiLocation(verification) : '';
      const next = showVerificationUi(verification.id, address.value, url);
      flow.internal = { ...flow.internal, [VERIFICATION_FLOW_KEY]: next.flow };
      if (legacyContinueWithVerificationUi(flows.config)) {
        flow.continue_with = [...(flow.continue_with ?? []), next];
        continue;
      }
      // Only one flow: a browser cannot be sent to several at once.
      break;
    }
  };

  const markSent = (address: VerifiableAddress): void => {
    address.status = 'sent';
    address.updated_at = flows.now().toISOString();
    deps.addressPersister.updateVerifiableAddress(address);
  };

  return {
    async executePostRegistrationHook({ c, flow, identity }) {
      await run(c, flow, identity);
      return undefined;
    },
    async executeSettingsPostPersistHook({ c, flow, identity }) {
      await run(c, flow, identity);
      return undefined;
    },
    async executeLoginPostHook({ c, flow, identity }) {
      if ((flow.requested_aal ?? 'aal1') !== 'aal1') return;
      await run(c, flow, identity);
    },
  };
}
