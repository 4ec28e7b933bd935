// Password settings (selfservice/strategy/password/settings.go): a privileged session sets a new password
// that passes the policy for every password identifier and differs from the old one.
import { PasswordTooLongError } from '../../../hash/errors';
import type { Hasher } from '../../../hash/model';
import type { IdentityManager } from '../../../identity/manager';
import { identifierMissing, passwordMaxLength, passwordNewSameAsOld } from '../../../text/credentials';
import type { UiText } from '../../../text/message';
import { nodeLabelSave } from '../../../text/node';
import { validationRequired } from '../../../text/validation';
import { appendNode, upsertNode } from '../../../ui/container';
import { submitNode } from '../../../ui/nodes';
import { methodDisabled } from '../../flow/errors';
import { payloadValidator } from '../../flow/payload';
import type { FlowService } from '../../flow/service';
import { NOT_RESPONSIBLE, type SettingsStrategy } from '../../flow/strategy';
import { uiError } from '../../flow/ui-error';
import { passwordInput } from './nodes';
import type { PasswordPolicy } from './policy';

export interface PasswordSettingsDeps {
  flows: FlowService;
  hasher: Hasher;
  identityManager: IdentityManager;
  policy: PasswordPolicy;
  enabled(): boolean;
}

// selfservice/strategy/password/.schema/settings.schema.json (minLength is checked below as "required").
const payload = payloadValidator({
  type: 'object',
  properties: {
    csrf_token: { type: 'string' },
    method: { type: 'string' },
    password: { type: 'string' },
    transient_payload: { type: 'object', additionalProperties: true },
  },
});

export function passwordSettingsStrategy(deps: PasswordSettingsDeps): SettingsStrategy {
  return {
    id: 'password',
    group: 'password',

    populateSettings(flow) {
      upsertNode(flow.ui, passwordInput('new-password'));
      appendNode(flow.ui, submitNode('password', 'method', 'password', nodeLabelSave()));
    },

    async settings({ c, flow, body, json, identity, requirePrivileged }) {
      if (body.method !== 'password') return NOT_RESPONSIBLE;
      if (!deps.enabled()) throw methodDisabled();
      payload.assert(body);
      if (isObject(body.transient_payload)) flow.transient_payload = body.transient_payload;
      deps.flows.ensureCsrf(c, flow, body.csrf_token, json);
      requirePrivileged();
      const password = typeof body.password === 'string' ? body.password : '';
      if (password === '') throw uiError(validationRequired('password'), 'password');

      const old = identity.credentials.password?.config.hashed_password;
      if (typeof old === 'string' && (await deps.hasher.verify(password, old).catch(() => false))) {
        throw uiError(passwordNewSameAsOld(), 'password');
      }
      // The identifiers come from the schema, as at registration (an empty password credential collects them).
      const now = deps.flows.now().toISOString();
      identity.credentials.password = {
        type: 'password',
        identifiers: [],
        config: {},
        version: identity.credentials.password?.version ?? 0,
        created_at: identity.credentials.password?.created_at ?? now,
        updated_at: now,
      };
      deps.identityManager.validate(identity);
      const identifiers = identity.credentials.password.identifiers;
      if (identifiers.length === 0) throw uiError(identifierMissing());
      for (const identifier of identifiers) {
        const violation = await deps.policy.validate(identifier, password);
        if (violation) throw uiError(violation as UiText, 'password');
      }
      try {
        identity.credentials.password.config = { hashed_password: await deps.hasher.hash(password) };
      } catch (err) {
        if (err instanceof PasswordTooLongError)
          throw uiError(passwordMaxLength(err.maxBytes, err.actualBytes), 'password');
        throw err;
      }
      return { identity };
    },
  };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);
