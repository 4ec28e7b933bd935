// A signed-in user cannot recover (session.RespondWithJSONErrorOnAuthenticated / RedirectOnAuthenticated):
// JSON clients get 400 session_already_available; browsers a 302 to return_to when it is a self-service
// URL, else to the default return URL.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { returnToPolicy } from '../config';
import { alreadyLoggedIn } from '../errors';
import { secureReturnTo } from '../return-to';
import type { FlowService } from '../service';

export function alreadySignedInResponse(flows: FlowService, c: Context): Response {
  if (flows.isJson(c)) {
    const e = alreadyLoggedIn('recovery');
    return c.json(e.toJSON(), e.status as ContentfulStatusCode);
  }
  const policy = { ...returnToPolicy(flows.config), allowed: [] };
  let to: URL;
  try {
    to = secureReturnTo(c.req.query('return_to'), policy);
  } catch {
    to = policy.defaultReturnTo;
  }
  return c.redirect(to.toString(), 302);
}
