// TOTP as the second factor of a login (selfservice/strategy/totp/login.go): only aal2 flows, only for
// identities that have a TOTP credential; the code is checked against the stored key URL.
import type { Identity } from '../../../identity/model';
import type { IdentityPersister } from '../../../identity/persister';
import type { CurrentSession } from '../../../session/manager';
import { noTotpDevice, totpVerifierWrong } from '../../../text/credentials';
import { appendNode, resetNodeValues, upsertNode } from '../../../ui/container';
import { methodDisabled, sessionRequiredForHigherAal } from '../../flow/errors';
import type { StoredFlow } from '../../flow/model';
import type { FlowService } from '../../flow/service';
import { type LoginStrategy, NOT_RESPONSIBLE, type SubmitContext } from '../../flow/strategy';
import { uiError } from '../../flow/ui-error';
import { validateTotpCode } from './generator';
import { loginCodeInput, loginSubmit, TOTP_CODE } from './nodes';
import { totpLoginPayload } from './schemas';

export interface TotpLoginDeps {
  flows: FlowService;
  identityPersister: IdentityPersister;
  enabled(): boolean;
}

export function totpLoginStrategy(deps: TotpLoginDeps): LoginStrategy {
  const withCredentials = (session: CurrentSession): Identity | undefined =>
    deps.identityPersister.getIdentity(session.identity.id, { withCredentials: true });

  return {
    id: 'totp',
    group: 'totp',

    populateLoginSecondFactor(flow: StoredFlow, { session }: { session: CurrentSession }) {
      if (!deps.enabled()) return;
      // Kratos offers the form whenever a TOTP credential exists (GetCredentials), active or not.
      if (!withCredentials(session)?.credentials.totp) return;
      upsertNode(flow.ui, loginCodeInput());
      appendNode(flow.ui, loginSubmit());
    },

    async login({ c, flow, body, json, session }: SubmitContext & { session?: CurrentSession }) {
      if ((flow.requested_aal ?? 'aal1') !== 'aal2') return NOT_RESPONSIBLE;
      if (body.method !== 'totp') return NOT_RESPONSIBLE;
      if (!deps.enabled()) throw methodDisabled();
      try {
        const invalid = totpLoginPayload.validate(body);
        if (invalid) throw invalid;
        if (isObject(body.transient_payload)) flow.transient_payload = body.transient_payload;
        deps.flows.ensureCsrf(c, flow, body.csrf_token, json);
        if (!session) throw sessionRequiredForHigherAal();

        const identity = withCredentials(session);
        const credential = identity?.credentials.totp;
        if (!identity || !credential) throw uiError(noTotpDevice());
        const keyUrl = typeof credential.config.totp_url === 'string' ? credential.config.totp_url : '';
        if (!validateTotpCode(keyUrl, String(body.totp_code), deps.flows.now())) {
          throw uiError(totpVerifierWrong());
        }
        return identity;
      } catch (err) {
        // handleLoginError: the typed code is never echoed back.
        resetNodeValues(flow.ui, [TOTP_CODE]);
        throw err;
      }
    },

    authenticationMethod: () => ({ method: 'totp', aal: 'aal2' }),
  };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);
