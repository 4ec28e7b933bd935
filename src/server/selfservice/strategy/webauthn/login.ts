// WebAuthn sign-in (selfservice/strategy/webauthn/login.go), browser flows only: a security key as the
// second factor (aal2), or with `passwordless: true` the first factor in two steps (identifier, then the
// key), and re-authentication of a session (refresh). The options travel in the trigger button's value.
import type { Config } from '../../../config/config';
import type { Identity } from '../../../identity/model';
import { gracefulNormalization } from '../../../identity/normalize';
import type { IdentityPersister } from '../../../identity/persister';
import type { Logger } from '../../../logger';
import type { IdentitySchemaRegistry } from '../../../schema/registry';
import type { CurrentSession } from '../../../session/manager';
import { noSuchWebAuthnUser, noWebAuthnDevice } from '../../../text/credentials';
import { loginContinue, loginWebAuthn, loginWebAuthnPasswordless } from '../../../text/login';
import type { UiText } from '../../../text/message';
import { validationMinLength } from '../../../text/validation';
import { addMessage, appendNode, resetNodeValues, setCsrf, upsertNode } from '../../../ui/container';
import { inputNode } from '../../../ui/nodes';
import { browserLocationChangeRequired } from '../../flow/errors';
import { identifierLabel } from '../../flow/login/identifier-label';
import type { StoredFlow } from '../../flow/model';
import type { FlowService } from '../../flow/service';
import { type LoginStrategy, NOT_RESPONSIBLE, type SubmitContext } from '../../flow/strategy';
import { requiredFields, uiError } from '../../flow/ui-error';
import { authenticate, parseLoginAnswer, requireCeremony } from './assertion';
import { assertStringFields, isPlainObject, stringField } from './body';
import { beginLogin, clearCeremony, storeCeremony } from './ceremony';
import { fromAnyBase64, readWebAuthnConfig, type StoredWebAuthnCredential } from './credentials';
import { webAuthnLoginInput, webAuthnLoginMethod, webAuthnLoginTrigger } from './nodes';
import { webAuthnPasswordless, webAuthnRelyingParty } from './relying-party';
import { webAuthnScriptNode } from './script';

export interface WebAuthnLoginDeps {
  flows: FlowService;
  config: Config;
  identityPersister: IdentityPersister;
  schemas: IdentitySchemaRegistry;
  logger: Logger;
  enabled(): boolean;
}

const FIELDS = ['method', 'identifier', 'webauthn_login', 'csrf_token'];

/** ToWebAuthnFiltered: aal1 signs in with passwordless keys, aal2 with the others. */
function filtered(list: StoredWebAuthnCredential[], aal: string): StoredWebAuthnCredential[] {
  return list.filter((c) => (aal === 'aal1' ? c.is_passwordless : !c.is_passwordless));
}

export function webAuthnLoginStrategy(deps: WebAuthnLoginDeps): LoginStrategy {
  const passwordless = (): boolean => webAuthnPasswordless(deps.config);
  const label = (flow: StoredFlow): UiText =>
    identifierLabel(deps.schemas.find(flow.identity_schema ?? '')?.json ?? {});

  /** populateLoginMethod: the trigger with assertion options for the identity's keys at `aal`. */
  function populateMethod(flow: StoredFlow, identity: Identity, trigger: UiText, aal: string): boolean {
    const cred = identity.credentials.webauthn;
    if (!cred) return false;
    const config = readWebAuthnConfig(cred);
    const keys = filtered(config.credentials, aal);
    if (keys.length === 0) return false;
    const { options, state } = beginLogin(
      webAuthnRelyingParty(deps.config),
      fromAnyBase64(config.user_handle),
      keys,
    );
    storeCeremony(flow, 'webauthn', state);
    if (cred.identifiers.length > 0) {
      upsertNode(flow.ui, inputNode('default', 'identifier', { type: 'hidden', value: cred.identifiers[0] }));
    }
    setCsrf(flow.ui, flow.csrf_token);
    upsertNode(flow.ui, webAuthnScriptNode(deps.config.baseURL('public')));
    upsertNode(flow.ui, webAuthnLoginTrigger(JSON.stringify(options), trigger));
    upsertNode(flow.ui, webAuthnLoginInput());
    return true;
  }

  /** populateLoginMethodRefresh: the session's identity re-authenticates with its key. */
  function populateRefresh(flow: StoredFlow, session: CurrentSession): void {
    const identity = deps.identityPersister.getIdentity(session.identity.id);
    const identifier = identity?.credentials.webauthn?.identifiers[0] ?? '';
    if (!identity || identifier === '') return;
    if (!populateMethod(flow, identity, loginWebAuthn(), flow.requested_aal ?? 'aal1')) return;
    upsertNode(flow.ui, inputNode('default', 'identifier', { type: 'hidden', value: identifier }));
  }

  async function loginPasswordless(
    ctx: SubmitContext,
    identifier: string,
    answer: string,
  ): Promise<Identity | Response> {
    const { c, flow } = ctx;
    const identity = deps.identityPersister.findByCredentialsIdentifier(
      'webauthn',
      gracefulNormalization(identifier),
    );
    if (!identity) throw uiError(noSuchWebAuthnUser());
    if (answer === '') {
      // Step one: the identifier is known, show the key prompt for its passwordless keys.
      const previous = flow.ui.nodes;
      flow.ui.nodes = [];
      if (!populateMethod(flow, identity, loginContinue(), 'aal1')) {
        flow.ui.nodes = previous;
        throw uiError(noSuchWebAuthnUser());
      }
      setCsrf(flow.ui, deps.flows.csrfToken(c));
      addMessage(flow.ui, loginWebAuthnPasswordless());
      upsertNode(
        flow.ui,
        inputNode('default', 'identifier', { type: 'hidden', value: identifier, required: true }),
      );
      deps.flows.save(flow);
      const to = deps.flows.uiLocation(flow);
      if (deps.flows.isJson(c)) {
        const e = browserLocationChangeRequired(to);
        return c.json(e.toJSON(), 422);
      }
      return c.redirect(to, 303);
    }
    return loginAuthenticate(flow, identity.id, answer, 'aal1');
  }

  async function loginAuthenticate(
    flow: StoredFlow,
    identityId: string,
    raw: string,
    aal: string,
  ): Promise<Identity> {
    const identity = deps.identityPersister.getIdentity(identityId);
    const cred = identity?.credentials.webauthn;
    if (!identity || !cred) throw uiError(noWebAuthnDevice());
    const config = readWebAuthnConfig(cred);
    const answer = parseLoginAnswer(raw);
    const state = requireCeremony(flow, 'webauthn');
    await authenticate(deps, {
      rp: webAuthnRelyingParty(deps.config),
      state,
      answer,
      identity,
      type: 'webauthn',
      credentials: flow.refresh ? config.credentials : filtered(config.credentials, aal),
      userHandle: fromAnyBase64(config.user_handle),
      checkSessionUser: true,
    });
    clearCeremony(flow, 'webauthn');
    flow.active = 'webauthn';
    deps.flows.save(flow);
    return identity;
  }

  return {
    id: 'webauthn',
    group: 'webauthn',

    populateLogin(flow, { refresh }: { refresh?: CurrentSession }) {
      if (!deps.enabled() || flow.type !== 'browser') return;
      if (refresh) {
        populateRefresh(flow, refresh);
        return;
      }
      if (!passwordless()) return;
      upsertNode(
        flow.ui,
        inputNode('default', 'identifier', {
          type: 'text',
          value: '',
          required: true,
          autocomplete: 'username webauthn',
          label: label(flow),
        }),
      );
      // Appended, not upserted: the password method's own `method` button stays (Nodes.Append).
      appendNode(flow.ui, webAuthnLoginMethod());
    },

    populateLoginSecondFactor(flow, { session }: { session: CurrentSession }) {
      if (!deps.enabled() || flow.type !== 'browser') return;
      if (flow.refresh) {
        populateRefresh(flow, session);
        return;
      }
      if (passwordless()) return;
      const identity = deps.identityPersister.getIdentity(session.identity.id);
      if (identity) populateMethod(flow, identity, loginWebAuthn(), 'aal2');
    },

    async login(ctx: SubmitContext & { session?: CurrentSession }) {
      const { c, flow, body, json } = ctx;
      if (!deps.enabled() || flow.type !== 'browser') return NOT_RESPONSIBLE;
      const answer = stringField(body, 'webauthn_login');
      if (answer === '' && body.method !== 'webauthn') return NOT_RESPONSIBLE;
      const aal = flow.requested_aal ?? 'aal1';
      const viaPasswordless = passwordless() || (flow.refresh === true && aal === 'aal1');
      // CheckAAL: a passwordless submission in an aal2 flow, or MFA in an aal1 flow, is someone else's.
      if (viaPasswordless ? aal !== 'aal1' : aal !== 'aal2') return NOT_RESPONSIBLE;
      const reset = (err: unknown): unknown => {
        resetNodeValues(flow.ui, ['webauthn_login']);
        return err;
      };
      try {
        assertStringFields(body, FIELDS);
        if (isPlainObject(body.transient_payload)) flow.transient_payload = body.transient_payload;
        const identifier = stringField(body, 'identifier');
        if (!Object.hasOwn(body, 'identifier')) throw requiredFields(['identifier']);
        if (identifier === '') throw uiError(validationMinLength(1, 0), 'identifier');
        deps.flows.ensureCsrf(c, flow, body.csrf_token, json);
        if (viaPasswordless) return await loginPasswordless(ctx, identifier, answer);
        if (!ctx.session) return NOT_RESPONSIBLE;
        return await loginAuthenticate(flow, ctx.session.identity.id, answer, 'aal2');
      } catch (err) {
        throw reset(err);
      }
    },

    authenticationMethod: () => ({ method: 'webauthn', aal: passwordless() ? 'aal1' : 'aal2' }),
  };
}
