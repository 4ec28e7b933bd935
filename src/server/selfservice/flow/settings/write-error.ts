// The settings flow's WriteFlowError (selfservice/flow/settings/error.go): a missing session sends browsers
// to sign in, an unmet AAL to the aal2 login, a stale session to re-authentication (the change resumes
// afterwards); a strategy may ask to show the flow again; everything else is the shared flow error path.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { KratosError } from '../../../errors/errors';
import { isAalNotSatisfied } from '../../../session/errors';
import type { StoredFlow } from '../model';
import type { FlowPolicy, FlowService } from '../service';
import { ReturnToUi } from '../strategy';
import { NeedsReauthentication } from './errors';

export interface SettingsErrorDeps {
  flows: FlowService;
}

export function writeSettingsError(
  deps: SettingsErrorDeps,
  c: Context,
  flow: StoredFlow | undefined,
  err: unknown,
  policy: FlowPolicy,
): Response {
  const { flows } = deps;
  const json = flows.isJson(c) || flow?.type === 'api';
  const asJson = (e: KratosError): Response => c.json(e.toJSON(), e.status as ContentfulStatusCode);

  if (err instanceof KratosError && err.id === 'session_inactive') {
    return json ? asJson(err) : c.redirect(loginUrl(flows).toString(), 303);
  }
  if (isAalNotSatisfied(err)) {
    return json ? asJson(err) : c.redirect(String(err.extra?.redirect_browser_to), 303);
  }
  if (!flow) return flows.forward(c, undefined, err);
  if (err instanceof ReturnToUi) {
    // Shown as the strategy left it: Kratos does not sort here (regenerated codes come before the buttons).
    flows.save(flow);
    return json ? flows.json(c, flow, 200, policy) : c.redirect(flows.uiLocation(flow), 303);
  }
  if (err instanceof NeedsReauthentication) {
    // The submission's own URL is where the user comes back to after signing in again.
    const requested = new URL(c.req.url);
    const returnTo = new URL(
      requested.pathname.replace(/^\//, '') + requested.search,
      flows.config.baseURL('public'),
    );
    const login = loginUrl(flows);
    login.searchParams.set('refresh', 'true');
    login.searchParams.set('return_to', returnTo.toString());
    return json ? asJson(err.withRedirect(login.toString())) : c.redirect(login.toString(), 303);
  }
  return flows.writeFlowError(c, flow, err, policy);
}

function loginUrl(flows: FlowService): URL {
  return new URL('self-service/login/browser', flows.config.baseURL('public'));
}
