// Password login (selfservice/strategy/password/login.go): identifier + password, the same 4000006 for an
// unknown identifier and a wrong password (with Kratos's delay so both cost the same time), transparent
// re-hashing of legacy hashes after a successful login.
import type { Hasher } from '../../../hash/model';
import { gracefulNormalization } from '../../../identity/normalize';
import type { Identity } from '../../../identity/model';
import type { IdentityPersister } from '../../../identity/persister';
import type { IdentitySchemaRegistry } from '../../../schema/registry';
import { invalidCredentials } from '../../../text/credentials';
import { findNode, resetNodeValues, setNodeValue, upsertNode } from '../../../ui/container';
import type { Logger } from '../../../logger';
import type { StoredFlow } from '../../flow/model';
import { identifierLabel } from '../../flow/login/identifier-label';
import type { FlowService } from '../../flow/service';
import { type LoginStrategy, NOT_RESPONSIBLE, type SubmitContext } from '../../flow/strategy';
import { requiredFields, uiError } from '../../flow/ui-error';
import { methodDisabled } from '../../flow/errors';
import type { CurrentSession } from '../../../session/manager';
import { equaliseTiming, type LoginTimingCalibration, RecentVerifyTimes } from './delay';
import { hiddenIdentifier, identifierInput, loginSubmit, passwordInput } from './nodes';

export interface PasswordLoginDeps {
  flows: FlowService;
  hasher: Hasher;
  identityPersister: IdentityPersister;
  schemas: IdentitySchemaRegistry;
  timing: LoginTimingCalibration;
  logger: Logger;
  enabled(): boolean;
}

export function passwordLoginStrategy(deps: PasswordLoginDeps): LoginStrategy {
  const recent = new RecentVerifyTimes();
  const label = (flow: StoredFlow): ReturnType<typeof identifierLabel> =>
    identifierLabel(deps.schemas.find(flow.identity_schema ?? '')?.json ?? {});

  return {
    id: 'password',
    group: 'password',

    populateLogin(flow, { refresh }: { refresh?: CurrentSession }) {
      if (!deps.enabled()) return;
      if (refresh) {
        // The session's identity is loaded without credentials; the identifier lives on the credential.
        const stored = deps.identityPersister.getIdentity(refresh.identity.id);
        upsertNode(
          flow.ui,
          hiddenIdentifier(label(flow), stored?.credentials.password?.identifiers[0] ?? ''),
        );
      } else if (!findNode(flow.ui.nodes, 'identifier', 'default')) {
        upsertNode(flow.ui, identifierInput(label(flow)));
      }
      upsertNode(flow.ui, passwordInput('current-password'));
      upsertNode(flow.ui, loginSubmit(Boolean(refresh)));
    },

    async login({ c, flow, body, json }: SubmitContext) {
      if (body.method !== 'password') return NOT_RESPONSIBLE;
      if ((flow.requested_aal ?? 'aal1') !== 'aal1') return NOT_RESPONSIBLE;
      if (!deps.enabled()) throw methodDisabled();
      const identifier = str(body.identifier) || str(body.password_identifier);
      const password = str(body.password);
      const keep = (err: Error): Error => {
        // Kratos keeps what the user typed as identifier and never echoes the password.
        resetNodeValues(flow.ui, ['password']);
        setNodeValue(flow.ui, 'identifier', identifier);
        return err;
      };
      if (isObject(body.transient_payload)) flow.transient_payload = body.transient_payload;
      deps.flows.ensureCsrf(c, flow, body.csrf_token, json);
      const missing = [!identifier && 'identifier', !password && 'password'].filter((x): x is string => !!x);
      if (missing.length > 0) {
        throw keep(requiredFields(missing));
      }

      const identity = deps.identityPersister.findByCredentialsIdentifier(
        'password',
        gracefulNormalization(identifier),
      );
      const hashed = identity?.credentials.password?.config.hashed_password;
      if (!identity || typeof hashed !== 'string') {
        await equaliseTiming(recent.target() ?? (await deps.timing.target()));
        throw keep(uiError(invalidCredentials()));
      }
      const started = performance.now();
      const ok = await verify(deps, password, hashed);
      recent.record(performance.now() - started);
      if (!ok) throw keep(uiError(invalidCredentials()));
      if (deps.hasher.needsRehash(hashed)) await rehash(deps, identity, password);
      return identity;
    },

    authenticationMethod: () => ({ method: 'password', aal: 'aal1' }),
  };
}

async function verify(deps: PasswordLoginDeps, password: string, hashed: string): Promise<boolean> {
  try {
    return await deps.hasher.verify(password, hashed);
  } catch (err) {
    // An unknown or out-of-bounds stored hash is a bad row, not the user's fault: invalid credentials.
    deps.logger.warn('stored password hash could not be verified', { error: String(err) });
    return false;
  }
}

/** Legacy hashes are replaced with the configured algorithm after a successful login. */
async function rehash(deps: PasswordLoginDeps, identity: Identity, password: string): Promise<void> {
  try {
    const cred = identity.credentials.password;
    if (!cred) return;
    cred.config = { ...cred.config, hashed_password: await deps.hasher.hash(password) };
    cred.updated_at = deps.flows.now().toISOString();
    deps.identityPersister.updateIdentity(identity);
  } catch (err) {
    deps.logger.warn('Unable to migrate password hash; keeping the existing one.', {
      identity_id: identity.id,
      error: String(err),
    });
  }
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);
