// The machinery every self-service flow shares (selfservice/flow/*): creating and loading flows, binding
// browser flows to the CSRF cookie, answering in the three client modes (server-rendered browser, SPA,
// native), expiry with a replacement flow, and WriteFlowError's "form problem or error response" split.
import { newId } from '../../id';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ClockProvider } from '../../clock';
import type { Config } from '../../config/config';
import { KratosError, noRows } from '../../errors/errors';
import { toKratosError } from '../../errors/writer';
import type { Csrf } from '../../http/csrf';
import { acceptsJson, isJsonRequest } from '../../http/negotiate';
import type { Logger } from '../../logger';
import type { UiText } from '../../text/message';
import { addMessage, clearMessages, newContainer, setCsrf } from '../../ui/container';
import type { ErrorManager } from '../errorx/manager';
import { lifespanMs, returnToPolicy, uiUrl } from './config';
import { secureReturnTo } from './return-to';
import {
  alreadyLoggedIn,
  cookieNeedsBrowserFlow,
  flowExpired,
  getExpired,
  invalidFlowId,
  originNeedsBrowserFlow,
} from './errors';
import { appendFlowTo, type FlowKind, type FlowType, isExpired, marshalFlow, type StoredFlow } from './model';
import type { FlowPersisterProvider } from './persister';
import { applyErrorToUi, statusOf } from './ui-error';

export interface FlowServiceDeps extends FlowPersisterProvider, ClockProvider {
  config: Config;
  csrf: Csrf;
  errorManager: ErrorManager;
  logger: Logger;
}

/** What differs per flow kind when errors are written. */
export interface FlowPolicy {
  kind: FlowKind;
  expiredMessage(expiredAt: Date, now: Date): UiText;
  sort(flow: StoredFlow): void;
  /** A fresh flow to replace an expired one (FromOldFlow). */
  replacement(c: Context, old: StoredFlow): Promise<StoredFlow>;
  /** Extra public JSON fields computed at read time (settings: the identity). */
  extra?(flow: StoredFlow): Record<string, unknown>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class FlowService {
  constructor(private readonly deps: FlowServiceDeps) {}

  get config(): Config {
    return this.deps.config;
  }

  now(): Date {
    return this.deps.clock.now();
  }

  /** A new flow of `kind` bound to the request's CSRF cookie (set on the response when missing). */
  create(c: Context, kind: FlowKind, type: FlowType, init: Partial<StoredFlow> = {}): StoredFlow {
    const now = this.now();
    const id = newId();
    const action = new URL(`self-service/${kind}`, this.deps.config.baseURL('public'));
    action.searchParams.set('flow', id);
    const csrf = this.csrfToken(c);
    const flow: StoredFlow = {
      id,
      kind,
      type,
      expires_at: new Date(now.getTime() + lifespanMs(this.deps.config, kind)).toISOString(),
      issued_at: now.toISOString(),
      request_url: c.req.url,
      ui: newContainer(action.toString()),
      state: kind === 'settings' ? 'show_form' : 'choose_method',
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
      csrf_token: csrf,
      internal: {},
      ...init,
    };
    setCsrf(flow.ui, csrf);
    return flow;
  }

  /** The masked CSRF token for this request (a browser gets the cookie if it has none). */
  csrfToken(c: Context): string {
    const state = this.deps.csrf.ensure(c.req.raw.headers);
    if (state.setCookie) c.header('Set-Cookie', state.setCookie, { append: true });
    return this.deps.csrf.mask(state.token);
  }

  /** Runs `fn` in one database transaction (its writes commit together, or not at all). */
  atomically<T>(fn: () => T): T {
    return this.deps.flowPersister.transaction(fn);
  }

  save(flow: StoredFlow): void {
    flow.updated_at = this.now().toISOString();
    this.deps.flowPersister.saveFlow(flow);
  }

  /** The flow of a `?flow=` / `?id=` parameter, or Kratos's 400/404. */
  find(kind: FlowKind, id: string | undefined): StoredFlow {
    if (!id || !UUID.test(id)) throw invalidFlowId();
    const flow = this.findOptional(kind, id);
    if (!flow) throw noRows();
    return flow;
  }

  /** The flow with this id and kind, if it exists. */
  findOptional(kind: FlowKind, id: string): StoredFlow | undefined {
    const flow = this.deps.flowPersister.getFlow(id.toLowerCase());
    return flow?.kind === kind ? flow : undefined;
  }

  /** GET /self-service/<kind>/flows: CSRF-bound for browser flows, 410 once expired. */
  fetchForClient(c: Context, kind: FlowKind, policy: FlowPolicy): Response {
    const flow = this.find(kind, c.req.query('id'));
    if (flow.type === 'browser') {
      const token = this.deps.csrf.fromRequest(c.req.raw.headers);
      if (!token || !this.deps.csrf.matches(token, flow.csrf_token)) {
        throw this.deps.csrf.violation(c.req.raw.headers, undefined, false);
      }
    }
    if (isExpired(flow, this.now())) {
      throw getExpired(kind, flow.type, this.deps.config.baseURL('public'), flow.return_to);
    }
    return this.json(c, flow, 200, policy);
  }

  json(c: Context, flow: StoredFlow, status: number, policy?: FlowPolicy): Response {
    return c.json(marshalFlow(flow, policy?.extra?.(flow) ?? {}), status as ContentfulStatusCode);
  }

  /** The flow's UI address: `<ui_url>?flow=<id>`. */
  uiLocation(flow: StoredFlow): string {
    return appendFlowTo(uiUrl(this.deps.config, flow.kind), flow.id);
  }

  /** Answers a freshly created flow: 303 to the UI for browsers, the flow JSON for SPAs and apps. */
  sendInit(c: Context, flow: StoredFlow, policy?: FlowPolicy): Response {
    if (flow.type === 'browser' && !acceptsJson(c.req.header('accept')))
      return c.redirect(this.uiLocation(flow), 303);
    return this.json(c, flow, 200, policy);
  }

  /** x.SendFlowCompletedAsRedirectOrJSON: JSON clients get `body` (an error is written as one). */
  completedAsRedirectOrJson(c: Context, body: unknown, redirectTo: string): Response {
    if (acceptsJson(c.req.header('accept'))) {
      if (body instanceof KratosError) return c.json(body.toJSON(), body.status as ContentfulStatusCode);
      return c.json(body as Record<string, unknown>);
    }
    return c.redirect(redirectTo, 303);
  }

  /** Init with a session that already satisfies the flow: JSON gets session_already_available, browsers return_to. */
  alreadySignedIn(c: Context, kind: 'login' | 'registration'): Response {
    const to = secureReturnTo(new URL(c.req.url).searchParams.get('return_to'), returnToPolicy(this.config));
    return this.completedAsRedirectOrJson(c, alreadyLoggedIn(kind), to.toString());
  }

  isJson(c: Context): boolean {
    return isJsonRequest(c.req.header('accept'), c.req.header('content-type'));
  }

  /** flow.EnsureCSRF: browser flows need the token; API flows must not look like browser requests. */
  ensureCsrf(c: Context, flow: StoredFlow, sent: unknown, jsonBody: boolean): void {
    const headers = c.req.raw.headers;
    if (flow.type === 'api') {
      if (this.apiEnforcementDisabled()) return;
      if (headers.get('origin')) throw originNeedsBrowserFlow();
      const cookies = (headers.get('cookie') ?? '')
        .split(';')
        .map((p) => p.split('=')[0]?.trim() ?? '')
        .filter((n) => n !== '' && !n.startsWith('__cf') && !n.startsWith('_cf') && !n.startsWith('cf_'));
      if (cookies.length > 0) throw cookieNeedsBrowserFlow(cookies);
      return;
    }
    this.deps.csrf.verify(headers, typeof sent === 'string' ? sent : undefined, { jsonBody });
  }

  private apiEnforcementDisabled(): boolean {
    return this.deps.config.isDev() && process.env.DEV_DISABLE_API_FLOW_ENFORCEMENT === 'true';
  }

  /** Expired flows are replaced by a new flow carrying the expired message (PrepareReplacementForExpiredFlow). */
  async assertNotExpired(c: Context, flow: StoredFlow, policy: FlowPolicy): Promise<void> {
    const now = this.now();
    if (!isExpired(flow, now)) return;
    const expiresAt = new Date(flow.expires_at);
    const replacement = await policy.replacement(c, flow);
    addMessage(replacement.ui, policy.expiredMessage(expiresAt, now));
    this.save(replacement);
    throw Object.assign(flowExpired(expiresAt, now, replacement.id), { replacement });
  }

  /**
   * WriteFlowError: an expired flow sends the client to its replacement; a form problem is written into
   * the flow (browser: 303 back to the UI, JSON: the flow with the error's status); anything else is an
   * error response (browser errors go to the error UI).
   */
  writeFlowError(c: Context, flow: StoredFlow | undefined, err: unknown, policy: FlowPolicy): Response {
    if (!flow) return this.forward(c, undefined, err);
    const replacement = (err as { replacement?: StoredFlow }).replacement;
    if (replacement && err instanceof KratosError) {
      if (flow.type === 'api' || this.isJson(c)) return c.json(err.toJSON(), 410);
      return c.redirect(this.uiLocation(replacement), 303);
    }
    clearMessages(flow.ui);
    if (!applyErrorToUi(flow.ui, err)) return this.forward(c, flow, err);
    policy.sort(flow);
    if (flow.type === 'browser') setCsrf(flow.ui, this.csrfToken(c));
    this.save(flow);
    if (flow.type === 'browser' && !this.isJson(c)) return c.redirect(this.uiLocation(flow), 303);
    return this.json(c, flow, statusOf(err), policy);
  }

  forward(c: Context, flow: StoredFlow | undefined, err: unknown): Response {
    if (!flow && this.isJson(c)) {
      const e = toKratosError(err, this.deps.logger);
      return c.json(e.toJSON(), e.status as ContentfulStatusCode);
    }
    if (flow?.type === 'api') {
      const e = toKratosError(err, this.deps.logger);
      return c.json(e.toJSON(), e.status as ContentfulStatusCode);
    }
    return this.deps.errorManager.forward(c, err);
  }
}
