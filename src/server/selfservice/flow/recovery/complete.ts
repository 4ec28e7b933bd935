// A passed recovery challenge (selfservice/strategy/code/strategy_recovery.go recoveryIssueSession,
// selfservice/strategy/link/strategy_recovery.go recoveryIssueSession): the flow passes, the identity gets
// a privileged aal1 session (`code_recovery` / `link_recovery`), the `recovery.after` hooks run, and a new
// settings flow carrying 1060001 takes over. Browsers are sent to the settings UI; JSON clients get 422
// browser_location_change_required, or with `feature_flags.use_continue_with_transitions` the recovery flow
// with `continue_with` (`set_ory_session_token` for API flows, `show_settings_ui`). `?skip_settings=true`
// on the init request returns to return_to instead. The link method always answers as a browser flow.
import type { Context } from 'hono';
import type { Config } from '../../../config/config';
import type { Csrf } from '../../../http/csrf';
import type { Identity } from '../../../identity/model';
import type { SessionManager } from '../../../session/manager';
import { requestInfo } from '../../../session/manager';
import type { Session } from '../../../session/model';
import { recoverySuccessful } from '../../../text/recovery';
import { clearMessages, setCsrf, setMessage } from '../../../ui/container';
import type { PostRecoveryHook } from '../../hook/hook';
import { privilegedSessionMaxAgeMs, returnToPolicy, uiUrl } from '../config';
import { browserLocationChangeRequired } from '../errors';
import { appendFlowTo, type FlowType, returnToOf, type StoredFlow } from '../model';
import { secureReturnTo } from '../return-to';
import type { FlowService } from '../service';
import { saveFlow } from '../verification/respond';
import { recoveryReturnUrl, useContinueWithTransitions } from './config';

/** What recovery needs from the settings flows (flow/settings/manager.ts). */
export interface SettingsFlowCreator {
  newSettingsFlow(c: Context, identity: Identity, type: FlowType): Promise<StoredFlow>;
}

export interface RecoveryCompletionDeps {
  flows: FlowService;
  config: Config;
  csrf: Csrf;
  sessionManager: SessionManager;
  settingsFlows: SettingsFlowCreator;
  postRecoveryHooks: Record<string, PostRecoveryHook>;
}

export async function completeRecovery(
  deps: RecoveryCompletionDeps,
  c: Context,
  flow: StoredFlow,
  identity: Identity,
  method: 'code' | 'link',
): Promise<Response> {
  const { flows, config, sessionManager } = deps;
  // The link method always behaves as a browser flow (its links open in browsers).
  const type: FlowType = method === 'link' ? 'browser' : flow.type;
  clearMessages(flow.ui);
  flow.state = 'passed_challenge';
  flow.internal = { ...flow.internal, recovered_identity_id: identity.id };
  let browserCsrf: string | undefined;
  if (type === 'browser') {
    // A recovered browser gets a fresh anti-CSRF token (RegenerateToken); the settings flow uses it too.
    const fresh = deps.csrf.regenerate();
    if (fresh.setCookie) c.header('Set-Cookie', fresh.setCookie, { append: true });
    browserCsrf = deps.csrf.mask(fresh.token);
    flow.csrf_token = browserCsrf;
    setCsrf(flow.ui, browserCsrf);
  }
  saveFlow(flows, flow);

  const amr = { method: method === 'code' ? 'code_recovery' : 'link_recovery', aal: 'aal1' as const };
  const current = sessionManager.optionalFromRequest(requestInfo(c));
  let session: Session;
  let token: string;
  if (current && current.identity.id === identity.id) {
    session = sessionManager.reactivate(current, [amr]);
    token = current.token;
  } else {
    const issued = sessionManager.issue(identity, [amr], requestInfo(c));
    session = issued.session;
    token = issued.token;
  }
  session.identity = identity;

  for (const h of config.get<{ hook: string; config?: unknown }[]>(
    'selfservice.flows.recovery.after.hooks',
    [],
  )) {
    await deps.postRecoveryHooks[h.hook]?.executePostRecoveryHook({
      c,
      flow,
      identity,
      session,
      config: h.config,
    });
  }

  if (type === 'browser') {
    c.header('Set-Cookie', sessionManager.issueCookie({ session, token }), { append: true });
  } else {
    flow.continue_with = [
      ...(flow.continue_with ?? []),
      { action: 'set_ory_session_token', ory_session_token: token },
    ];
  }

  if (method === 'code' && skipSettings(flow.request_url)) {
    if (flows.isJson(c)) return flows.json(c, flow, 200);
    let to: URL;
    try {
      to = secureReturnTo(returnToOf(flow.request_url), returnToPolicy(config));
    } catch (err) {
      return flows.forward(c, flow, err);
    }
    return c.redirect(to.toString(), 303);
  }

  const settings = await deps.settingsFlows.newSettingsFlow(c, identity, type);
  settings.request_url = takeOverReturnTo(flow.request_url, settings.request_url, recoveryReturnUrl(config));
  if (settings.return_to !== undefined) settings.return_to = returnToOf(settings.request_url);
  const now = flows.now();
  setMessage(
    settings.ui,
    recoverySuccessful(new Date(now.getTime() + privilegedSessionMaxAgeMs(config)), now),
  );
  if (browserCsrf) {
    settings.csrf_token = browserCsrf;
    setCsrf(settings.ui, browserCsrf);
  }
  flows.save(settings);
  const settingsUrl = appendFlowTo(uiUrl(config, 'settings'), settings.id);

  if (method === 'link') return c.redirect(settingsUrl, 303);
  if (useContinueWithTransitions(config)) {
    if (flow.type === 'api' || flows.isJson(c)) {
      flow.continue_with = [
        ...(flow.continue_with ?? []),
        { action: 'show_settings_ui', flow: { id: settings.id, url: settingsUrl } },
      ];
      return flows.json(c, flow, 200);
    }
    return c.redirect(settingsUrl, 303);
  }
  if (flows.isJson(c)) {
    const e = browserLocationChangeRequired(settingsUrl);
    return c.json(e.toJSON(), 422);
  }
  return c.redirect(settingsUrl, 303);
}

/** Flow.ShouldSkipSettingsFlow: `skip_settings` on the init request, parsed like Go's ParseBool. */
function skipSettings(requestUrl: string): boolean {
  try {
    return ['1', 't', 'T', 'TRUE', 'true', 'True'].includes(
      new URL(requestUrl).searchParams.get('skip_settings') ?? '',
    );
  } catch {
    return false;
  }
}

/** redir.TakeOverReturnToParameter: the recovery request's return_to (or the fallback) moves over. */
export function takeOverReturnTo(from: string, to: string, fallback?: string): string {
  let returnTo: string | undefined;
  try {
    returnTo = new URL(from).searchParams.get('return_to') || fallback;
  } catch {
    returnTo = fallback;
  }
  if (!returnTo) return to;
  const url = new URL(to);
  url.searchParams.set('return_to', returnTo);
  return url.toString();
}
