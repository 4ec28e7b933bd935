// Creating login flows (selfservice/flow/login/handler.go NewLoginFlow): requested AAL, refresh, the
// selectable identity schema, the existing-session rules, and each strategy's nodes.
import type { Context } from 'hono';
import { badRequest } from '../../../errors/errors';
import type { IdentitySchemaRegistry } from '../../../schema/registry';
import type { CurrentSession, SessionManager } from '../../../session/manager';
import { requestInfo } from '../../../session/manager';
import { assuranceLevel } from '../../../session/model';
import { loginMfa, loginReAuth } from '../../../text/login';
import { addMessage, setMessage } from '../../../ui/container';
import { sortLoginNodes } from '../../../ui/sort';
import { sessionRequiredForHigherAal } from '../errors';
import type { FlowType, StoredFlow } from '../model';
import { returnToPolicy } from '../config';
import { secureReturnTo } from '../return-to';
import type { FlowService } from '../service';
import type { LoginStrategy } from '../strategy';

export interface LoginFlowDeps {
  flows: FlowService;
  sessionManager: SessionManager;
  schemas: IdentitySchemaRegistry;
  loginStrategies: LoginStrategy[];
}

/** Thrown when a session already satisfies the request; carries the session for the redirect. */
export class AlreadyLoggedIn extends Error {
  constructor(readonly session: CurrentSession) {
    super('already logged in');
  }
}

export class LoginFlowManager {
  constructor(private readonly deps: LoginFlowDeps) {}

  async newLoginFlow(
    c: Context,
    type: FlowType,
    overrides: { requestUrl?: string } = {},
  ): Promise<StoredFlow> {
    const { flows } = this.deps;
    const url = new URL(overrides.requestUrl ?? c.req.url);
    const q = url.searchParams;
    secureReturnTo(q.get('return_to'), returnToPolicy(flows.config));

    const aal = (q.get('aal') || 'aal1').toLowerCase();
    if (aal !== 'aal1' && aal !== 'aal2') {
      throw badRequest(
        `Unable to parse AuthenticationMethod Assurance Level (AAL): expected one of [aal1, aal2] but got ${aal}`,
      );
    }
    const identitySchema = aal === 'aal1' ? this.selectableSchema(q.get('identity_schema')) : undefined;
    let refresh = ['1', 't', 'true', 'TRUE', 'True', 'T'].includes(q.get('refresh') ?? '');

    const session = this.deps.sessionManager.optionalFromRequest(requestInfo(c));
    if (!session) {
      if (aal === 'aal2') throw sessionRequiredForHigherAal();
      refresh = false;
    } else if (!refresh) {
      const level = assuranceLevel(session.session.authentication_methods);
      if (aal === 'aal1' || aal <= level) throw new AlreadyLoggedIn(session);
    }

    const flow = flows.create(c, 'login', type, {
      request_url: url.toString(),
      refresh,
      requested_aal: aal,
      ...(identitySchema ? { identity_schema: identitySchema } : {}),
    });
    for (const s of this.deps.loginStrategies) {
      if (aal === 'aal1') await s.populateLogin?.(flow, refresh && session ? { refresh: session } : {});
      else if (session) await s.populateLoginSecondFactor?.(flow, { session });
    }
    if (refresh) setMessage(flow.ui, loginReAuth());
    if (session && aal === 'aal2' && assuranceLevel(session.session.authentication_methods) !== 'aal2') {
      addMessage(flow.ui, loginMfa());
    }
    // NewLoginFlow sorts once every method added its nodes (login/sort.go).
    sortLoginNodes(flow.ui.nodes);
    return flow;
  }

  /** `?identity_schema=` must name the default schema or one marked `selfservice_selectable`. */
  private selectableSchema(requested: string | null): string | undefined {
    if (!requested) return undefined;
    if (requested === this.deps.schemas.defaultId) return requested;
    const schema = this.deps.schemas.list().find((s) => s.id === requested);
    if (!schema) throw badRequest(`Requested identity schema ${JSON.stringify(requested)} does not exist.`);
    if (!schema.selfserviceSelectable) {
      throw badRequest(
        `Requested identity schema ${JSON.stringify(requested)} is not enabled for self-service flows.`,
      );
    }
    return requested;
  }
}
