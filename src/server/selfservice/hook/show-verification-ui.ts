// `show_verification_ui` (selfservice/hook/show_verification_ui.go): the verification flow the
// `verification` hook created becomes a `show_verification_ui` continue_with item; a browser (HTML)
// registration or sign-in is then sent to the verification UI instead of return_to.
import type { Context } from 'hono';
import type { Logger } from '../../logger';
import { uiUrl } from '../flow/config';
import { appendFlowTo, type ContinueWith, type StoredFlow } from '../flow/model';
import type { FlowService } from '../flow/service';
import { isBrowserRequest } from '../flow/verification/respond';
import type { PostLoginHook, PostRegistrationHook, PostSettingsHook } from './hook';
import { VERIFICATION_FLOW_KEY } from './verification';

/** Where a browser registration or sign-in goes next when `show_verification_ui` ran (ReturnToVerification). */
export const RETURN_TO_VERIFICATION_KEY = 'return_to_verification';

interface VerificationUiFlow {
  id?: string;
  verifiable_address?: string;
  url?: string;
}

export function showVerificationUiHook(deps: {
  flows: FlowService;
  logger: Logger;
}): PostRegistrationHook & PostSettingsHook & PostLoginHook {
  const run = (c: Context, flow: StoredFlow): void => {
    let found = flow.internal[VERIFICATION_FLOW_KEY] as VerificationUiFlow | undefined;
    if (!found) {
      const item = (flow.continue_with ?? []).filter((cw) => cw.action === 'show_verification_ui').pop();
      found = item?.flow as VerificationUiFlow | undefined;
    }
    if (!found?.id) {
      deps.logger.warn(
        'Ignoring hook `show_verification_ui` because no verification flow ID was found in the flow. Is verification enabled?',
      );
      return;
    }
    const item: ContinueWith = {
      action: 'show_verification_ui',
      flow: {
        id: found.id,
        verifiable_address: found.verifiable_address ?? '',
        ...(found.url ? { url: found.url } : {}),
      },
    };
    flow.continue_with = [...(flow.continue_with ?? []), item];
    if ((flow.kind === 'registration' || flow.kind === 'login') && isBrowserRequest(c)) {
      const to = appendFlowTo(uiUrl(deps.flows.config, 'verification'), found.id);
      flow.internal = { ...flow.internal, [RETURN_TO_VERIFICATION_KEY]: to };
    }
  };

  return {
    executePostRegistrationHook({ c, flow }) {
      run(c, flow);
      return undefined;
    },
    executeSettingsPostPersistHook({ c, flow }) {
      run(c, flow);
      return undefined;
    },
    executeLoginPostHook({ c, flow }) {
      run(c, flow);
    },
  };
}
