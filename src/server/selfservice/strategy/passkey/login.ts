// Passkey sign-in (selfservice/strategy/passkey/passkey_login.go): a discoverable-credential assertion in
// `passkey_challenge`, autocomplete (conditional mediation) and a button, for browser and native flows.
// The identity is the one whose passkey identifier is the user handle the authenticator returns; keys a
// user added as WebAuthn credentials (user handle = identity id) are found too. AMR passkey, aal1.
import type { Config } from '../../../config/config';
import type { Identity } from '../../../identity/model';
import type { IdentityPersister } from '../../../identity/persister';
import type { Logger } from '../../../logger';
import type { IdentitySchemaRegistry } from '../../../schema/registry';
import type { CurrentSession } from '../../../session/manager';
import { noSuchWebAuthnUser, noWebAuthnDevice } from '../../../text/credentials';
import { resetNodeValues, setCsrf, upsertNode, appendNode } from '../../../ui/container';
import { inputNode } from '../../../ui/nodes';
import { browserLocationChangeRequired } from '../../flow/errors';
import { identifierLabel } from '../../flow/login/identifier-label';
import type { StoredFlow } from '../../flow/model';
import type { FlowService } from '../../flow/service';
import { type LoginStrategy, NOT_RESPONSIBLE, type SubmitContext } from '../../flow/strategy';
import { uiError } from '../../flow/ui-error';
import { authenticate, parseLoginAnswer, requireCeremony } from '../webauthn/assertion';
import { assertStringFields, stringField } from '../webauthn/body';
import { beginLogin, clearCeremony, storeCeremony } from '../webauthn/ceremony';
import { fromAnyBase64, readWebAuthnConfig } from '../webauthn/credentials';
import { passkeyRelyingParty } from '../webauthn/relying-party';
import { webAuthnScriptNode } from '../webauthn/script';
import { displayNameOf } from './display-name';
import { passkeyChallenge, passkeyLoginInput, passkeyLoginTrigger } from './nodes';

export interface PasskeyLoginDeps {
  flows: FlowService;
  config: Config;
  identityPersister: IdentityPersister;
  schemas: IdentitySchemaRegistry;
  logger: Logger;
  enabled(): boolean;
}

const FIELDS = ['method', 'passkey_login', 'csrf_token'];

export function passkeyLoginStrategy(deps: PasskeyLoginDeps): LoginStrategy {
  const schemaOf = (schemaId: string): Record<string, unknown> => deps.schemas.find(schemaId)?.json ?? {};

  /** populateLoginMethodForPasskeys: identifier with autocomplete, discoverable options, autocomplete init. */
  function populateDiscoverable(flow: StoredFlow): void {
    const browser = flow.type === 'browser';
    setCsrf(flow.ui, flow.csrf_token);
    const { options, state } = beginLogin(passkeyRelyingParty(deps.config), null);
    storeCeremony(flow, 'passkey', state);
    upsertNode(
      flow.ui,
      inputNode('default', 'identifier', {
        type: 'text',
        value: '',
        required: true,
        autocomplete: 'username webauthn',
        label: identifierLabel(schemaOf(flow.identity_schema ?? '')),
      }),
    );
    upsertNode(flow.ui, passkeyChallenge(JSON.stringify(options)));
    if (browser) upsertNode(flow.ui, webAuthnScriptNode(deps.config.baseURL('public')));
    upsertNode(flow.ui, passkeyLoginInput(browser));
  }

  /** PopulateLoginMethodFirstFactorRefresh: the session's own passkeys, the display name as identifier. */
  function populateRefresh(flow: StoredFlow, session: CurrentSession): void {
    const identity = deps.identityPersister.getIdentity(session.identity.id);
    const cred = identity?.credentials.passkey;
    if (!identity || !cred || (cred.identifiers[0] ?? '') === '') return;
    const config = readWebAuthnConfig(cred);
    if (config.credentials.length === 0) return;
    const browser = flow.type === 'browser';
    const { options, state } = beginLogin(
      passkeyRelyingParty(deps.config),
      fromAnyBase64(config.user_handle),
      config.credentials,
    );
    storeCeremony(flow, 'passkey', state);
    upsertNode(flow.ui, passkeyChallenge(JSON.stringify(options)));
    if (browser) appendNode(flow.ui, webAuthnScriptNode(deps.config.baseURL('public')));
    upsertNode(flow.ui, passkeyLoginInput(browser, false));
    appendNode(flow.ui, passkeyLoginTrigger(browser));
    setCsrf(flow.ui, flow.csrf_token);
    const name = displayNameOf(schemaOf(identity.schema_id), identity.traits);
    upsertNode(flow.ui, inputNode('default', 'identifier', { type: 'hidden', value: name }));
  }

  /** The identity behind a user handle: a passkey identifier, else a WebAuthn key keyed by identity id. */
  function findByUserHandle(
    handle: Buffer,
  ): { identity: Identity; type: 'passkey' | 'webauthn' } | undefined {
    if (handle.length === 0) return undefined;
    const byPasskey = deps.identityPersister.findByCredentialsIdentifier('passkey', handle.toString('utf8'));
    if (byPasskey) return { identity: byPasskey, type: 'passkey' };
    if (handle.length !== 16) return undefined;
    const hex = handle.toString('hex');
    const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    const identity = deps.identityPersister.getIdentity(id);
    const stored = readWebAuthnConfig(identity?.credentials.webauthn);
    if (!identity || !fromAnyBase64(stored.user_handle).equals(handle)) return undefined;
    return { identity, type: 'webauthn' };
  }

  async function loginAuthenticate(flow: StoredFlow, raw: string): Promise<Identity> {
    const answer = parseLoginAnswer(raw);
    const state = requireCeremony(flow, 'passkey');
    const found = findByUserHandle(answer.userHandle);
    if (!found) throw uiError(noSuchWebAuthnUser());
    const cred = found.identity.credentials[found.type];
    if (!cred) throw uiError(noWebAuthnDevice());
    const config = readWebAuthnConfig(cred);
    await authenticate(deps, {
      rp: passkeyRelyingParty(deps.config),
      state,
      answer,
      identity: found.identity,
      type: found.type,
      credentials: config.credentials.filter((c) => found.type === 'passkey' || c.is_passwordless),
      userHandle: answer.userHandle,
      checkSessionUser: false,
    });
    clearCeremony(flow, 'passkey');
    flow.active = 'passkey';
    deps.flows.save(flow);
    return found.identity;
  }

  return {
    id: 'passkey',
    group: 'passkey',

    populateLogin(flow, { refresh }: { refresh?: CurrentSession }) {
      if (!deps.enabled()) return;
      if (refresh) {
        populateRefresh(flow, refresh);
        return;
      }
      populateDiscoverable(flow);
      appendNode(flow.ui, passkeyLoginTrigger(flow.type === 'browser'));
    },

    async login({ c, flow, body, json }: SubmitContext) {
      if (!deps.enabled()) return NOT_RESPONSIBLE;
      const raw = stringField(body, 'passkey_login');
      if (raw === '' && body.method !== 'passkey') return NOT_RESPONSIBLE;
      if ((flow.requested_aal ?? 'aal1') !== 'aal1') return NOT_RESPONSIBLE;
      try {
        assertStringFields(body, FIELDS);
        deps.flows.ensureCsrf(c, flow, body.csrf_token, json);
        if (raw === '') {
          // No answer yet: start over with fresh passkey options only.
          flow.ui.nodes = [];
          populateDiscoverable(flow);
          deps.flows.save(flow);
          const to = deps.flows.uiLocation(flow);
          if (deps.flows.isJson(c)) return c.json(browserLocationChangeRequired(to).toJSON(), 422);
          return c.redirect(to, 303);
        }
        return await loginAuthenticate(flow, raw);
      } catch (err) {
        resetNodeValues(flow.ui, ['passkey_login']);
        throw err;
      }
    },

    authenticationMethod: () => ({ method: 'passkey', aal: 'aal1' }),
  };
}
