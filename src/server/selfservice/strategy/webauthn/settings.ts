// Security keys in the settings flow (selfservice/strategy/webauthn/settings.go), browser flows only: add a
// key under a display name (its user handle is the identity id; with `passwordless: true` it is a first
// factor) or remove one, which is refused for the last passwordless key when it is the identity's only way
// to sign in. Both need a privileged session; adding counts as a WebAuthn authentication of the session.
import type { Config } from '../../../config/config';
import { badRequest } from '../../../errors/errors';
import type { IdentityManager } from '../../../identity/manager';
import type { Identity } from '../../../identity/model';
import { identifierMissing } from '../../../text/credentials';
import { validationGeneric, validationMinLength } from '../../../text/validation';
import { appendNode, upsertNode } from '../../../ui/container';
import type { StoredFlow } from '../../flow/model';
import type { FlowService } from '../../flow/service';
import {
  NOT_RESPONSIBLE,
  type SettingsStrategy,
  type SettingsSubmitContext,
  type SettingsUpdate,
} from '../../flow/strategy';
import { requiredFields, uiError } from '../../flow/ui-error';
import { requireCeremony } from './assertion';
import { assertStringFields, isPlainObject, stringField } from './body';
import { beginRegistration, clearCeremony, storeCeremony, storedCredential } from './ceremony';
import {
  fromAnyBase64,
  goSecondTimestamp,
  hexId,
  readWebAuthnConfig,
  upsertWebAuthnCredentials,
  writeWebAuthnConfig,
} from './credentials';
import {
  webAuthnDisplayNameInput,
  webAuthnRegisterInput,
  webAuthnRemove,
  webAuthnSettingsTrigger,
} from './nodes';
import { parseRegistrationAnswer, verifyRegistrationAnswer } from './registration';
import { webAuthnPasswordless, webAuthnRelyingParty } from './relying-party';
import { webAuthnScriptNode } from './script';

export interface WebAuthnSettingsDeps {
  flows: FlowService;
  config: Config;
  identityManager: IdentityManager;
  /** CountActiveFirstFactorCredentials over every method. */
  countFirstFactor(identity: Identity): number;
  enabled(): boolean;
}

const FIELDS = [
  'method',
  'webauthn_register',
  'webauthn_register_displayname',
  'webauthn_remove',
  'csrf_token',
];

/** webauthnx.ErrNotEnoughCredentials: a 4000001 on `webauthn_remove` (passkeys use the same pointer). */
export const notEnoughCredentials = (): Error =>
  uiError(
    validationGeneric('unable to remove this security key because it would lock you out of your account'),
    'webauthn_remove',
  );

/** webauthnx.ErrCredentialAlreadyRegistered: a client that ignored excludeCredentials. */
export const credentialAlreadyRegistered = (node: string): Error =>
  uiError(validationGeneric('this security key or passkey is already registered with your account'), node);

/** The identity id as the 16 bytes WebAuthn uses as its user handle. */
const identityHandle = (identity: Identity): Buffer => Buffer.from(identity.id.replace(/-/g, ''), 'hex');

export function webAuthnSettingsStrategy(deps: WebAuthnSettingsDeps): SettingsStrategy {
  const passwordless = (): boolean => webAuthnPasswordless(deps.config);

  async function add(ctx: SettingsSubmitContext, raw: string, displayName: string): Promise<SettingsUpdate> {
    const { flow, identity } = ctx;
    const state = requireCeremony(flow, 'webauthn');
    const answer = parseRegistrationAnswer(raw);
    if (state.user_id !== identityHandle(identity).toString('base64url')) {
      throw badRequest('Unable to create WebAuthn credential: ID mismatch for User and Session');
    }
    const created = await verifyRegistrationAnswer(webAuthnRelyingParty(deps.config), state, answer);
    const config = readWebAuthnConfig(identity.credentials.webauthn);
    if (config.credentials.some((c) => fromAnyBase64(c.id).equals(created.id))) {
      throw credentialAlreadyRegistered('webauthn_register');
    }
    const now = deps.flows.now();
    config.credentials.push(
      storedCredential(created, {
        passwordless: passwordless(),
        displayName,
        addedAt: goSecondTimestamp(now),
      }),
    );
    config.user_handle = identityHandle(identity).toString('base64');
    upsertWebAuthnCredentials(identity, 'webauthn', config, now.toISOString());
    deps.identityManager.validate(identity);
    if ((identity.credentials.webauthn?.identifiers ?? []).length === 0) throw uiError(identifierMissing());
    clearCeremony(flow, 'webauthn');
    return {
      identity,
      sessionMethods: [{ method: 'webauthn', aal: passwordless() ? 'aal1' : 'aal2' }],
    };
  }

  function remove(identity: Identity, hex: string): SettingsUpdate {
    const cred = identity.credentials.webauthn;
    if (!cred) throw badRequest('You tried to remove a WebAuthn but you have no WebAuthn set up.');
    const config = readWebAuthnConfig(cred);
    const removed = config.credentials.filter((c) => hexId(c) === hex);
    if (removed.length === 0)
      throw badRequest('You tried to remove a WebAuthn credential which does not exist.');
    const wasPasswordless = removed.some((c) => c.is_passwordless);
    if (wasPasswordless && deps.countFirstFactor(identity) < 2) throw notEnoughCredentials();
    const kept = config.credentials.filter((c) => hexId(c) !== hex);
    if (kept.length === 0) {
      delete identity.credentials.webauthn;
    } else {
      cred.config = writeWebAuthnConfig({ ...config, credentials: kept });
      cred.updated_at = deps.flows.now().toISOString();
    }
    return { identity };
  }

  return {
    id: 'webauthn',
    group: 'webauthn',

    populateSettings(flow: StoredFlow, { identity }: { identity: Identity }) {
      if (!deps.enabled() || flow.type !== 'browser') return;
      const count = deps.countFirstFactor(identity);
      const keys = readWebAuthnConfig(identity.credentials.webauthn).credentials;
      for (const key of keys) appendNode(flow.ui, webAuthnRemove(key, key.is_passwordless && count < 2));
      // Every key is excluded: an authenticator keeps one credential per RP and user handle.
      const { options, state } = beginRegistration(
        webAuthnRelyingParty(deps.config),
        { id: identityHandle(identity) },
        keys,
      );
      storeCeremony(flow, 'webauthn', state);
      upsertNode(flow.ui, webAuthnScriptNode(deps.config.baseURL('public')));
      upsertNode(flow.ui, webAuthnDisplayNameInput());
      upsertNode(flow.ui, webAuthnSettingsTrigger(JSON.stringify(options)));
      upsertNode(flow.ui, webAuthnRegisterInput());
    },

    async settings(ctx: SettingsSubmitContext) {
      const { c, flow, body, json, identity } = ctx;
      if (!deps.enabled() || flow.type !== 'browser') return NOT_RESPONSIBLE;
      const register = stringField(body, 'webauthn_register');
      const removeId = stringField(body, 'webauthn_remove');
      if (register === '' && removeId === '') return NOT_RESPONSIBLE;
      assertStringFields(body, FIELDS);
      const displayName = stringField(body, 'webauthn_register_displayname');
      if (register !== '') {
        if (!Object.hasOwn(body, 'webauthn_register_displayname')) {
          throw requiredFields(['webauthn_register_displayname']);
        }
        if (displayName === '') throw uiError(validationMinLength(1, 0), 'webauthn_register_displayname');
      }
      if (isPlainObject(body.transient_payload)) flow.transient_payload = body.transient_payload;
      deps.flows.ensureCsrf(c, flow, body.csrf_token, json);
      ctx.requirePrivileged();
      if (register !== '') return add(ctx, register, displayName);
      return remove(identity, removeId);
    },
  };
}
