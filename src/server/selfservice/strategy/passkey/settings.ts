// Passkeys in the settings flow (selfservice/strategy/passkey/passkey_settings.go), browser and native:
// add one (a new discoverable credential whose fresh user handle joins the passkey identifiers) or remove
// one, which is refused when it would leave the identity without a first factor. Both need a privileged
// session; adding counts as a passkey authentication of the session.
import type { Config } from '../../../config/config';
import { badRequest } from '../../../errors/errors';
import type { IdentityManager } from '../../../identity/manager';
import type { Identity } from '../../../identity/model';
import type { IdentitySchemaRegistry } from '../../../schema/registry';
import { identifierMissing } from '../../../text/credentials';
import { addMessage, appendNode, upsertNode } from '../../../ui/container';
import type { StoredFlow } from '../../flow/model';
import type { FlowService } from '../../flow/service';
import {
  NOT_RESPONSIBLE,
  type SettingsStrategy,
  type SettingsSubmitContext,
  type SettingsUpdate,
} from '../../flow/strategy';
import { uiError } from '../../flow/ui-error';
import { authenticatorName } from '../webauthn/aaguid';
import { requireCeremony } from '../webauthn/assertion';
import { assertStringFields, stringField } from '../webauthn/body';
import { beginRegistration, clearCeremony, storeCeremony, storedCredential } from '../webauthn/ceremony';
import {
  fromAnyBase64,
  goSecondTimestamp,
  hexId,
  readWebAuthnConfig,
  upsertWebAuthnCredentials,
  writeWebAuthnConfig,
} from '../webauthn/credentials';
import { parseRegistrationAnswer, verifyRegistrationAnswer } from '../webauthn/registration';
import { passkeyRelyingParty } from '../webauthn/relying-party';
import { webAuthnScriptNode } from '../webauthn/script';
import { credentialAlreadyRegistered, notEnoughCredentials } from '../webauthn/settings';
import { displayNameOf } from './display-name';
import { newPasskeyUserHandle } from './registration';
import {
  passkeyCreateData,
  passkeyRemove,
  passkeySettingsRegisterInput,
  passkeySettingsTrigger,
} from './nodes';

export interface PasskeySettingsDeps {
  flows: FlowService;
  config: Config;
  identityManager: IdentityManager;
  schemas: IdentitySchemaRegistry;
  /** CountActiveFirstFactorCredentials over every method. */
  countFirstFactor(identity: Identity): number;
  enabled(): boolean;
}

const FIELDS = ['method', 'passkey_settings_register', 'passkey_remove', 'csrf_token'];

export function passkeySettingsStrategy(deps: PasskeySettingsDeps): SettingsStrategy {
  function remove(identity: Identity, hex: string): SettingsUpdate {
    const cred = identity.credentials.passkey;
    if (!cred) throw badRequest('You tried to remove a WebAuthn but you have no WebAuthn set up.');
    const config = readWebAuthnConfig(cred);
    const kept = config.credentials.filter((c) => hexId(c) !== hex);
    if (kept.length === config.credentials.length) {
      throw badRequest('You tried to remove a passkey which does not exist.');
    }
    if (deps.countFirstFactor(identity) < 2) throw notEnoughCredentials();
    if (kept.length === 0) {
      delete identity.credentials.passkey;
    } else {
      cred.config = writeWebAuthnConfig({ ...config, credentials: kept });
      cred.updated_at = deps.flows.now().toISOString();
    }
    return { identity };
  }

  async function add(ctx: SettingsSubmitContext, raw: string): Promise<SettingsUpdate> {
    const { flow, identity } = ctx;
    const state = requireCeremony(flow, 'passkey');
    const answer = parseRegistrationAnswer(raw);
    const created = await verifyRegistrationAnswer(passkeyRelyingParty(deps.config), state, answer);
    const config = readWebAuthnConfig(identity.credentials.passkey);
    if (config.credentials.some((c) => fromAnyBase64(c.id).equals(created.id))) {
      throw credentialAlreadyRegistered('passkey_settings_register');
    }
    const now = deps.flows.now();
    const handle = Buffer.from(state.user_id ?? '', 'base64url');
    config.credentials.push(
      storedCredential(created, {
        passwordless: true,
        displayName: authenticatorName(created.aaguid),
        addedAt: goSecondTimestamp(now),
      }),
    );
    config.user_handle = handle.toString('base64');
    upsertWebAuthnCredentials(identity, 'passkey', config, now.toISOString(), handle.toString('utf8'));
    deps.identityManager.validate(identity);
    if ((identity.credentials.passkey?.identifiers ?? []).length === 0) throw uiError(identifierMissing());
    clearCeremony(flow, 'passkey');
    return { identity, sessionMethods: [{ method: 'passkey', aal: 'aal1' }] };
  }

  return {
    id: 'passkey',
    group: 'passkey',

    populateSettings(flow: StoredFlow, { identity }: { identity: Identity }) {
      if (!deps.enabled()) return;
      const browser = flow.type === 'browser';
      const count = deps.countFirstFactor(identity);
      const keys = readWebAuthnConfig(identity.credentials.passkey).credentials;
      for (const key of keys) appendNode(flow.ui, passkeyRemove(key, count < 2));
      const name = displayNameOf(deps.schemas.find(identity.schema_id)?.json ?? {}, identity.traits);
      if (name === '') {
        addMessage(flow.ui, identifierMissing());
        return;
      }
      // Every passkey is excluded: platform authenticators would overwrite their entry on re-enrolment.
      const { options, state } = beginRegistration(
        passkeyRelyingParty(deps.config),
        { id: newPasskeyUserHandle(), name },
        keys,
      );
      storeCeremony(flow, 'passkey', state);
      if (browser) upsertNode(flow.ui, webAuthnScriptNode(deps.config.baseURL('public')));
      upsertNode(flow.ui, passkeySettingsTrigger(browser));
      upsertNode(flow.ui, passkeySettingsRegisterInput());
      upsertNode(flow.ui, passkeyCreateData(JSON.stringify(options)));
    },

    async settings(ctx: SettingsSubmitContext) {
      const { c, flow, body, json, identity } = ctx;
      if (!deps.enabled()) return NOT_RESPONSIBLE;
      const register = stringField(body, 'passkey_settings_register');
      const removeId = stringField(body, 'passkey_remove');
      if (register === '' && removeId === '') return NOT_RESPONSIBLE;
      assertStringFields(body, FIELDS);
      deps.flows.ensureCsrf(c, flow, body.csrf_token, json);
      ctx.requirePrivileged();
      if (removeId !== '') return remove(identity, removeId);
      return add(ctx, register);
    },
  };
}
