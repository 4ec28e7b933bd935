// Completing a login (selfservice/flow/login/hook.go PostLoginHook): activate the session (new, or the same
// one re-authenticated), run the after-login hooks, check the AAL the session endpoint requires, and answer
// in the client's mode: native apps get the session token, SPAs JSON with a redirect hint, browsers a 303.
import type { Context } from 'hono';
import type { Config } from '../../../config/config';
import { KratosError } from '../../../errors/errors';
import type { Csrf } from '../../../http/csrf';
import type { Identity } from '../../../identity/model';
import type { CurrentSession, SessionManager } from '../../../session/manager';
import { requestInfo } from '../../../session/manager';
import { marshalSession } from '../../../session/marshal';
import type { AuthenticationMethod } from '../../../session/model';
import { isAalNotSatisfied } from '../../../session/errors';
import { afterHooks, afterReturnUrl, returnToPolicy } from '../config';
import { browserLocationChangeRequired } from '../errors';
import type { StoredFlow } from '../model';
import { returnToOf } from '../model';
import { secureReturnTo } from '../return-to';
import type { FlowService } from '../service';
import type { PostLoginHook } from '../../hook/hook';

export interface PostLoginDeps {
  flows: FlowService;
  config: Config;
  csrf: Csrf;
  sessionManager: SessionManager;
  schemaUrl(schemaId: string): string;
  postLoginHooks: Record<string, PostLoginHook>;
}

export function identityDisabled(): KratosError {
  return new KratosError({
    status: 400,
    id: 'identity_disabled',
    message: 'identity is disabled',
    reason: 'This account was disabled.',
  });
}

export async function completeLogin(
  deps: PostLoginDeps,
  c: Context,
  flow: StoredFlow,
  identity: Identity,
  method: Omit<AuthenticationMethod, 'completed_at'>,
  current: CurrentSession | undefined,
): Promise<Response> {
  if (identity.state !== 'active') throw identityDisabled();
  const { flows, config, sessionManager } = deps;
  const returnTo = secureReturnTo(
    flow.return_to ?? returnToOf(flow.request_url),
    returnToPolicy(config, afterReturnUrl(config, 'login', flow.active)),
  );

  // The session and the flow's new state are stored in one transaction: one commit per login.
  const { session, token, fresh } = flows.atomically(() => {
    flow.state = 'passed_challenge';
    flows.save(flow);
    if (current && current.identity.id === identity.id) {
      return { session: sessionManager.reactivate(current, [method]), token: current.token, fresh: false };
    }
    const issued = sessionManager.issue(identity, [method], requestInfo(c));
    return { ...issued, fresh: true };
  });
  session.identity = identity;

  for (const h of afterHooks(config, 'login', flow.active ?? '')) {
    const answered = await deps.postLoginHooks[h.hook]?.executeLoginPostHook({
      c,
      flow,
      identity,
      session,
      config: h.config,
      freshSession: fresh,
    });
    // A hook that answered itself (require_verified_address) ends the sign-in here (ErrHookAbortFlow).
    if (answered) return answered;
  }

  let aalRedirect: string | undefined;
  try {
    sessionManager.assertAal(session, identity, config.whoamiRequiredAal());
  } catch (err) {
    if (!isAalNotSatisfied(err)) throw err;
    const to = err.extra?.redirect_browser_to;
    aalRedirect = typeof to === 'string' ? passRequestParameters(to, flow.request_url) : undefined;
  }

  const now = flows.now();
  if (flow.type === 'api') {
    const body = marshalSession(
      aalRedirect ? { ...session, identity: undefined } : session,
      now,
      deps.schemaUrl,
    );
    return c.json({ session_token: token, session: body, ...continueWith(flow) });
  }

  c.header('Set-Cookie', sessionManager.issueCookie({ session, token }), { append: true });
  // A session for another identity gets a new CSRF token (IssueCookie regenerates it).
  if (fresh) c.header('Set-Cookie', deps.csrf.regenerate().setCookie as string, { append: true });

  if (flows.isJson(c)) {
    if (aalRedirect) {
      const e = browserLocationChangeRequired(aalRedirect);
      return c.json(e.toJSON(), 422);
    }
    flow.continue_with = [
      ...(flow.continue_with ?? []),
      { action: 'redirect_browser_to', redirect_browser_to: returnTo.toString() },
    ];
    return c.json({ session: marshalSession(session, now, deps.schemaUrl), ...continueWith(flow) });
  }
  return c.redirect(aalRedirect ?? returnTo.toString(), 303);
}

/**
 * ErrAALNotSatisfied.PassReturnToAndLoginChallengeParameters: the aal2 login keeps the first login's
 * `return_to` and `login_challenge`, nothing else of its request URL.
 */
function passRequestParameters(redirectTo: string, requestUrl: string): string {
  try {
    const from = new URL(requestUrl).searchParams;
    const to = new URL(redirectTo);
    for (const key of ['login_challenge', 'return_to']) {
      const value = from.get(key);
      if (value) to.searchParams.set(key, value);
    }
    return to.toString();
  } catch {
    return redirectTo;
  }
}

function continueWith(flow: StoredFlow): Record<string, unknown> {
  return flow.continue_with && flow.continue_with.length > 0 ? { continue_with: flow.continue_with } : {};
}
