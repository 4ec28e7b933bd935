// Passkey sign-up (selfservice/strategy/passkey/passkey_registration.go), browser and native flows:
// `passkey_create_data` carries the creation options plus the form fields that name the passkey; the new
// discoverable credential's user handle (64 random letters and digits) becomes the passkey identifier the
// sign-in looks the identity up by.
import { newSignUpIdentity } from '../../../identity/id';
import { randomInt } from 'node:crypto';
import type { Config } from '../../../config/config';
import type { IdentityManager } from '../../../identity/manager';
import type { Logger } from '../../../logger';
import type { IdentitySchemaRegistry } from '../../../schema/registry';
import { identifierMissing } from '../../../text/credentials';
import { removeNodesByName, setCsrf, upsertNode } from '../../../ui/container';
import { updateNodeValuesFromJson } from '../../../ui/schema-nodes';
import type { StoredFlow } from '../../flow/model';
import type { FlowService } from '../../flow/service';
import { NOT_RESPONSIBLE, type RegistrationStrategy, type SubmitContext } from '../../flow/strategy';
import { uiError } from '../../flow/ui-error';
import { authenticatorName } from '../webauthn/aaguid';
import { requireCeremony } from '../webauthn/assertion';
import { assertStringFields, isPlainObject, stringField } from '../webauthn/body';
import { beginRegistration, cachedOptions, storeCeremony, storedCredential } from '../webauthn/ceremony';
import { goSecondTimestamp, upsertWebAuthnCredentials } from '../webauthn/credentials';
import { parseRegistrationAnswer, verifyRegistrationAnswer } from '../webauthn/registration';
import { passkeyRelyingParty } from '../webauthn/relying-party';
import { webAuthnScriptNode } from '../webauthn/script';
import { displayNameFields } from './display-name';
import { passkeyCreateData, passkeyRegisterInput, passkeyRegisterTrigger } from './nodes';

export interface PasskeyRegistrationDeps {
  flows: FlowService;
  config: Config;
  identityManager: IdentityManager;
  schemas: IdentitySchemaRegistry;
  logger: Logger;
  enabled(): boolean;
}

const ALPHANUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** randx.MustString(64, randx.AlphaNum): the passkey user handle. */
export function newPasskeyUserHandle(): Buffer {
  let out = '';
  for (let i = 0; i < 64; i++) out += ALPHANUM[randomInt(ALPHANUM.length)];
  return Buffer.from(out, 'ascii');
}

const NODE_NAMES = ['passkey_create_data', 'passkey_register_trigger', 'webauthn_script', 'passkey_register'];
const FIELDS = ['method', 'passkey_register', 'csrf_token'];

export function passkeyRegistrationStrategy(deps: PasskeyRegistrationDeps): RegistrationStrategy {
  const schemaOf = (flow: StoredFlow): Record<string, unknown> =>
    deps.schemas.find(flow.identity_schema ?? '')?.json ?? {};

  /** hydratePassKeyRegistrationOptions: cached per flow; undefined when the schema names no display field. */
  function createData(flow: StoredFlow): string | undefined {
    const cached = cachedOptions(flow, 'passkey');
    if (cached) return JSON.stringify(cached);
    const fields = displayNameFields(schemaOf(flow));
    if (!fields) {
      deps.logger.warn(
        'The passkey method is enabled, but the identity schema does not mark any trait as a passkey display name (passkey.display_name) or WebAuthn identifier (webauthn.identifier). The passkey method will not be offered on registration flows.',
      );
      return undefined;
    }
    const { options, state } = beginRegistration(passkeyRelyingParty(deps.config), {
      id: newPasskeyUserHandle(),
    });
    const data = {
      credentialOptions: options,
      displayNameFieldName: fields[0],
      displayNameFieldNames: fields,
    };
    storeCeremony(flow, 'passkey', state, data);
    return JSON.stringify(data);
  }

  function addNodes(flow: StoredFlow): void {
    if (!deps.enabled()) return;
    const data = createData(flow);
    if (data === undefined) return;
    const browser = flow.type === 'browser';
    setCsrf(flow.ui, flow.csrf_token);
    upsertNode(flow.ui, passkeyCreateData(data));
    upsertNode(flow.ui, passkeyRegisterTrigger(browser));
    if (browser) upsertNode(flow.ui, webAuthnScriptNode(deps.config.baseURL('public')));
    upsertNode(flow.ui, passkeyRegisterInput());
  }

  return {
    id: 'passkey',
    group: 'passkey',

    populateRegistration: addNodes,
    populateRegistrationCredentials: addNodes,
    populateRegistrationProfile(flow) {
      if (!deps.enabled()) return;
      removeNodesByName(flow.ui, NODE_NAMES);
    },

    async register({ c, flow, body, json }: SubmitContext) {
      if (!deps.enabled()) return NOT_RESPONSIBLE;
      const raw = stringField(body, 'passkey_register');
      // The React SDK sends "true" for empty hidden inputs.
      if (raw === '' || raw === 'true') return NOT_RESPONSIBLE;
      const traits = isPlainObject(body.traits) ? body.traits : {};
      try {
        assertStringFields(body, FIELDS);
        if (isPlainObject(body.transient_payload)) flow.transient_payload = body.transient_payload;
        deps.flows.ensureCsrf(c, flow, body.csrf_token, json);
        const state = requireCeremony(flow, 'passkey');
        const handle = Buffer.from(state.user_id ?? '', 'base64url');
        const answer = parseRegistrationAnswer(raw);
        const created = await verifyRegistrationAnswer(passkeyRelyingParty(deps.config), state, answer);

        const now = deps.flows.now();
        const at = now.toISOString();
        const identity = newSignUpIdentity(flow.identity_schema ?? deps.schemas.defaultId, traits, at);
        const stored = storedCredential(created, {
          passwordless: true,
          displayName: authenticatorName(created.aaguid),
          addedAt: goSecondTimestamp(now),
        });
        upsertWebAuthnCredentials(
          identity,
          'passkey',
          { credentials: [stored], user_handle: handle.toString('base64') },
          at,
          handle.toString('utf8'),
        );
        deps.identityManager.validate(identity);
        if ((identity.credentials.passkey?.identifiers ?? []).length === 0)
          throw uiError(identifierMissing());
        // Like Kratos the options stay on the flow: a duplicate identifier found when the identity is
        // stored can be fixed and the same passkey answer sent again; success completes the flow.
        deps.flows.save(flow);
        return identity;
      } catch (err) {
        updateNodeValuesFromJson(flow.ui, traits, 'traits', 'default');
        throw err;
      }
    },

    authenticationMethod: () => ({ method: 'passkey', aal: 'aal1' }),
  };
}
