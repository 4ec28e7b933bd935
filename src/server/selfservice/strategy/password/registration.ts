// Password registration (selfservice/strategy/password/registration.go): traits validated against the
// identity schema, the password checked against the policy for every password identifier, then hashed.
import { newSignUpIdentity } from '../../../identity/id';
import { PasswordTooLongError } from '../../../hash/errors';
import type { Hasher } from '../../../hash/model';
import type { IdentityManager } from '../../../identity/manager';
import type { IdentitySchemaRegistry } from '../../../schema/registry';
import { identifierMissing, passwordMaxLength } from '../../../text/credentials';
import type { UiText } from '../../../text/message';
import { validationRequired } from '../../../text/validation';
import { removeNodes, upsertNode } from '../../../ui/container';
import { updateNodeValuesFromJson } from '../../../ui/schema-nodes';
import { methodDisabled } from '../../flow/errors';
import type { FlowService } from '../../flow/service';
import { NOT_RESPONSIBLE, type RegistrationStrategy, type SubmitContext } from '../../flow/strategy';
import { uiError } from '../../flow/ui-error';
import { passwordInput, registrationSubmit } from './nodes';
import type { PasswordPolicy } from './policy';

export interface PasswordRegistrationDeps {
  flows: FlowService;
  hasher: Hasher;
  identityManager: IdentityManager;
  schemas: IdentitySchemaRegistry;
  policy: PasswordPolicy;
  enabled(): boolean;
}

export function passwordRegistrationStrategy(deps: PasswordRegistrationDeps): RegistrationStrategy {
  return {
    id: 'password',
    group: 'password',

    populateRegistration(flow) {
      if (!deps.enabled()) return;
      upsertNode(flow.ui, passwordInput('new-password'));
      upsertNode(flow.ui, registrationSubmit());
    },

    populateRegistrationProfile(flow) {
      // The profile method renders the profile screen; the credential nodes wait for the second screen.
      removeNodes(flow.ui, (n) => n.group === 'password');
    },

    populateRegistrationCredentials(flow) {
      if (!deps.enabled()) return;
      upsertNode(flow.ui, passwordInput('new-password'));
      upsertNode(flow.ui, registrationSubmit());
    },

    async register({ c, flow, body, json }: SubmitContext) {
      if (body.method !== 'password') return NOT_RESPONSIBLE;
      if (!deps.enabled()) throw methodDisabled();
      const traits = isObject(body.traits) ? body.traits : {};
      const echo = (err: Error): Error => {
        updateNodeValuesFromJson(flow.ui, traits, 'traits', 'default');
        return err;
      };
      if (isObject(body.transient_payload)) flow.transient_payload = body.transient_payload;
      deps.flows.ensureCsrf(c, flow, body.csrf_token, json);
      const password = typeof body.password === 'string' ? body.password : '';
      if (password === '') throw echo(uiError(validationRequired('password'), 'password'));

      const now = deps.flows.now().toISOString();
      const identity = newSignUpIdentity(flow.identity_schema ?? deps.schemas.defaultId, traits, now);
      identity.credentials.password = {
        type: 'password',
        identifiers: [],
        config: {},
        version: 0,
        created_at: now,
        updated_at: now,
      };
      try {
        deps.identityManager.validate(identity);
      } catch (err) {
        throw echo(err as Error);
      }
      const identifiers = identity.credentials.password?.identifiers ?? [];
      if (identifiers.length === 0) throw echo(uiError(identifierMissing()));
      for (const identifier of identifiers) {
        const violation = await deps.policy.validate(identifier, password);
        if (violation) throw echo(uiError(violation as UiText, 'password'));
      }
      let hashed: string;
      try {
        hashed = await deps.hasher.hash(password);
      } catch (err) {
        if (err instanceof PasswordTooLongError)
          throw echo(uiError(passwordMaxLength(err.maxBytes, err.actualBytes), 'password'));
        throw err;
      }
      (identity.credentials.password as { config: Record<string, unknown> }).config = {
        hashed_password: hashed,
      };
      return identity;
    },
  };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);
