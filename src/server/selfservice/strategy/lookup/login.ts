// A backup recovery code as the second factor of a login (selfservice/strategy/lookup/login.go): aal2 flows
// only; a code works once. Unknown code 4000016, used code 4000012, no codes set up 4000014.
import type { Identity } from '../../../identity/model';
import type { IdentityPersister } from '../../../identity/persister';
import type { CurrentSession } from '../../../session/manager';
import { lookupAlreadyUsed, lookupInvalid, noLookup } from '../../../text/credentials';
import { appendNode, resetNodeValues, upsertNode } from '../../../ui/container';
import { methodDisabled, sessionRequiredForHigherAal } from '../../flow/errors';
import type { StoredFlow } from '../../flow/model';
import type { FlowService } from '../../flow/service';
import { type LoginStrategy, NOT_RESPONSIBLE, type SubmitContext } from '../../flow/strategy';
import { uiError } from '../../flow/ui-error';
import { recoveryCodesOf, useLookupCode } from './codes';
import { LOOKUP_SECRET, loginCodeInput, loginSubmit } from './nodes';
import { lookupLoginPayload } from './schemas';

export interface LookupLoginDeps {
  flows: FlowService;
  identityPersister: IdentityPersister;
  enabled(): boolean;
}

export function lookupLoginStrategy(deps: LookupLoginDeps): LoginStrategy {
  const withCredentials = (identityId: string): Identity | undefined =>
    deps.identityPersister.getIdentity(identityId, { withCredentials: true });

  /**
   * Reads the codes, marks the matching one used and stores the identity in one synchronous step: SQLite
   * has a single writer here and nothing yields in between, so of two requests racing with the same code
   * exactly one finds it unused.
   */
  const redeem = (identityId: string, candidate: string): Identity => {
    const identity = withCredentials(identityId);
    const credential = identity?.credentials.lookup_secret;
    if (!identity || !credential) throw uiError(noLookup());
    const result = useLookupCode(recoveryCodesOf(credential), candidate, deps.flows.now());
    if (result.outcome !== 'used') {
      throw uiError(result.outcome === 'already_used' ? lookupAlreadyUsed() : lookupInvalid());
    }
    const now = deps.flows.now().toISOString();
    credential.config = { ...credential.config, recovery_codes: result.codes };
    credential.updated_at = now;
    identity.updated_at = now;
    deps.identityPersister.updateIdentity(identity);
    return identity;
  };

  return {
    id: 'lookup_secret',
    group: 'lookup_secret',

    populateLoginSecondFactor(flow: StoredFlow, { session }: { session: CurrentSession }) {
      if (!deps.enabled()) return;
      if (!withCredentials(session.identity.id)?.credentials.lookup_secret) return;
      upsertNode(flow.ui, loginCodeInput());
      appendNode(flow.ui, loginSubmit());
    },

    async login({ c, flow, body, json, session }: SubmitContext & { session?: CurrentSession }) {
      if ((flow.requested_aal ?? 'aal1') !== 'aal2') return NOT_RESPONSIBLE;
      if (body.method !== 'lookup_secret') return NOT_RESPONSIBLE;
      if (!deps.enabled()) throw methodDisabled();
      try {
        const invalid = lookupLoginPayload.validate(body);
        if (invalid) throw invalid;
        deps.flows.ensureCsrf(c, flow, body.csrf_token, json);
        if (!session) throw sessionRequiredForHigherAal();
        return redeem(session.identity.id, String(body.lookup_secret));
      } catch (err) {
        resetNodeValues(flow.ui, [LOOKUP_SECRET]);
        throw err;
      }
    },

    authenticationMethod: () => ({ method: 'lookup_secret', aal: 'aal2' }),
  };
}
