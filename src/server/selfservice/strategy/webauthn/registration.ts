// Passwordless WebAuthn sign-up (selfservice/strategy/webauthn/registration.go), browser flows with
// `passwordless: true` only: the form carries a display name, the creation options in the trigger and the
// hidden `webauthn_register` the script fills; the new key is stored as a passwordless credential whose user
// handle is a random UUID, and the schema's `webauthn.identifier` traits become its identifiers.
import { newSignUpIdentity } from '../../../identity/id';
import { randomUUID } from 'node:crypto';
import type { Config } from '../../../config/config';
import { badRequest } from '../../../errors/errors';
import type { IdentityManager } from '../../../identity/manager';
import type { IdentitySchemaRegistry } from '../../../schema/registry';
import { identifierMissing } from '../../../text/credentials';
import { removeNodesByName, setNodeValue, upsertNode } from '../../../ui/container';
import { updateNodeValuesFromJson } from '../../../ui/schema-nodes';
import type { StoredFlow } from '../../flow/model';
import type { FlowService } from '../../flow/service';
import { NOT_RESPONSIBLE, type RegistrationStrategy, type SubmitContext } from '../../flow/strategy';
import { uiError } from '../../flow/ui-error';
import { requireCeremony } from './assertion';
import { assertStringFields, isPlainObject, stringField } from './body';
import {
  beginRegistration,
  cachedOptions,
  clearCeremony,
  storeCeremony,
  storedCredential,
  verifyRegistration,
} from './ceremony';
import { goSecondTimestamp, upsertWebAuthnCredentials } from './credentials';
import { webAuthnDisplayNameInput, webAuthnRegisterInput, webAuthnRegisterTrigger } from './nodes';
import { webAuthnPasswordless, webAuthnRelyingParty } from './relying-party';
import { parseAttestation, WebAuthnParseError, WebAuthnVerificationError } from './response';
import { webAuthnScriptNode } from './script';

export interface WebAuthnRegistrationDeps {
  flows: FlowService;
  config: Config;
  identityManager: IdentityManager;
  schemas: IdentitySchemaRegistry;
  enabled(): boolean;
}

const NODE_NAMES = [
  'webauthn_register_displayname',
  'webauthn_register_trigger',
  'webauthn_script',
  'webauthn_register',
];
const FIELDS = ['method', 'webauthn_register', 'webauthn_register_displayname', 'csrf_token'];

/** Parses a creation answer: a malformed one is Kratos's 400 "Unable to parse WebAuthn response: ...". */
export function parseRegistrationAnswer(raw: string): ReturnType<typeof parseAttestation> {
  try {
    return parseAttestation(raw);
  } catch (err) {
    if (err instanceof WebAuthnParseError) {
      throw badRequest(`Unable to parse WebAuthn response: ${err.message}`);
    }
    throw err;
  }
}

/**
 * Verifies a creation answer. Kratos answers a failed verification with a 500; Gatehouse keeps the reason
 * but answers 400, since a wrong origin or a replayed challenge is the client's doing.
 */
export async function verifyRegistrationAnswer(
  ...args: Parameters<typeof verifyRegistration>
): ReturnType<typeof verifyRegistration> {
  try {
    return await verifyRegistration(...args);
  } catch (err) {
    if (err instanceof WebAuthnVerificationError) {
      throw badRequest(`Unable to create WebAuthn credential: ${err.message}`);
    }
    throw err;
  }
}

export function webAuthnRegistrationStrategy(deps: WebAuthnRegistrationDeps): RegistrationStrategy {
  const active = (flow: StoredFlow): boolean =>
    deps.enabled() && flow.type === 'browser' && webAuthnPasswordless(deps.config);

  /** injectWebauthnRegistrationOptions: one set of options (and challenge) per flow. */
  function options(flow: StoredFlow): string {
    const cached = cachedOptions(flow, 'webauthn');
    if (cached) return JSON.stringify(cached);
    const handle = Buffer.from(randomUUID().replace(/-/g, ''), 'hex');
    const { options: created, state } = beginRegistration(webAuthnRelyingParty(deps.config), { id: handle });
    storeCeremony(flow, 'webauthn', state, created);
    return JSON.stringify(created);
  }

  function addNodes(flow: StoredFlow): void {
    if (!active(flow)) return;
    const opts = options(flow);
    upsertNode(flow.ui, webAuthnDisplayNameInput());
    upsertNode(flow.ui, webAuthnRegisterTrigger(opts));
    upsertNode(flow.ui, webAuthnScriptNode(deps.config.baseURL('public')));
    upsertNode(flow.ui, webAuthnRegisterInput());
  }

  return {
    id: 'webauthn',
    group: 'webauthn',

    populateRegistration: addNodes,
    populateRegistrationCredentials: addNodes,
    populateRegistrationProfile(flow) {
      if (!active(flow)) return;
      removeNodesByName(flow.ui, NODE_NAMES, 'webauthn');
    },

    async register({ c, flow, body, json }: SubmitContext) {
      if (!active(flow)) return NOT_RESPONSIBLE;
      const raw = stringField(body, 'webauthn_register');
      if (raw === '') return NOT_RESPONSIBLE;
      const traits = isPlainObject(body.traits) ? body.traits : {};
      const displayName = stringField(body, 'webauthn_register_displayname');
      const echo = (err: unknown): unknown => {
        updateNodeValuesFromJson(flow.ui, traits, 'traits', 'default');
        setNodeValue(flow.ui, 'webauthn_register_displayname', displayName);
        return err;
      };
      try {
        assertStringFields(body, FIELDS);
        if (isPlainObject(body.transient_payload)) flow.transient_payload = body.transient_payload;
        deps.flows.ensureCsrf(c, flow, body.csrf_token, json);
        const state = requireCeremony(flow, 'webauthn');
        const answer = parseRegistrationAnswer(raw);
        const created = await verifyRegistrationAnswer(webAuthnRelyingParty(deps.config), state, answer);

        const now = deps.flows.now();
        const at = now.toISOString();
        const identity = newSignUpIdentity(flow.identity_schema ?? deps.schemas.defaultId, traits, at);
        const stored = storedCredential(created, {
          passwordless: true,
          displayName,
          addedAt: goSecondTimestamp(now),
        });
        upsertWebAuthnCredentials(
          identity,
          'webauthn',
          {
            credentials: [stored],
            user_handle: Buffer.from(state.user_id ?? '', 'base64url').toString('base64'),
          },
          at,
        );
        deps.identityManager.validate(identity);
        if ((identity.credentials.webauthn?.identifiers ?? []).length === 0)
          throw uiError(identifierMissing());
        clearCeremony(flow, 'webauthn');
        deps.flows.save(flow);
        return identity;
      } catch (err) {
        throw echo(err);
      }
    },

    authenticationMethod: () => ({
      method: 'webauthn',
      aal: webAuthnPasswordless(deps.config) ? 'aal1' : 'aal2',
    }),
  };
}
