// Completing a registration (selfservice/flow/registration/hook.go PostRegistrationHook): store the
// identity (a duplicate identifier becomes 4000007 on the form), create the session, run the after hooks
// in order — `session` issues it to the client and answers, as Kratos does — and otherwise answer with the
// identity (JSON) or a redirect (browser).
import type { Context } from 'hono';
import type { Config } from '../../../config/config';
import type { IdentityManager } from '../../../identity/manager';
import { DuplicateIdentityError } from '../../../identity/manager';
import { marshalIdentity } from '../../../identity/marshal';
import type { Identity } from '../../../identity/model';
import type { SessionManager } from '../../../session/manager';
import { marshalSession } from '../../../session/marshal';
import { requestInfo } from '../../../session/manager';
import type { AuthenticationMethod } from '../../../session/model';
import { duplicateCredentials } from '../../../text/credentials';
import { updateNodeValuesFromJson } from '../../../ui/schema-nodes';
import type { PostRegistrationHook } from '../../hook/hook';
import { afterHooks, afterReturnUrl, returnToPolicy } from '../config';
import { returnToOf, type StoredFlow } from '../model';
import { secureReturnTo } from '../return-to';
import type { FlowService } from '../service';
import { uiError } from '../ui-error';

export interface PostRegistrationDeps {
  flows: FlowService;
  config: Config;
  identityManager: IdentityManager;
  sessionManager: SessionManager;
  schemaUrl(schemaId: string): string;
  postRegistrationHooks: Record<string, PostRegistrationHook>;
}

export async function completeRegistration(
  deps: PostRegistrationDeps,
  c: Context,
  flow: StoredFlow,
  identity: Identity,
  method: Omit<AuthenticationMethod, 'completed_at'>,
): Promise<Response> {
  const { flows, config } = deps;
  try {
    deps.identityManager.create(identity);
  } catch (err) {
    updateNodeValuesFromJson(flow.ui, identity.traits, 'traits', 'default');
    if (err instanceof DuplicateIdentityError) throw uiError(duplicateCredentials());
    throw err;
  }
  const returnTo = secureReturnTo(
    flow.return_to ?? returnToOf(flow.request_url),
    returnToPolicy(config, afterReturnUrl(config, 'registration', method.method)),
  );
  if (flow.type === 'browser' && flows.isJson(c)) {
    flow.continue_with = [
      ...(flow.continue_with ?? []),
      { action: 'redirect_browser_to', redirect_browser_to: returnTo.toString() },
    ];
  }
  flow.state = 'passed_challenge';
  flow.active = method.method;
  flows.save(flow);

  // Kratos stores a session for every registration; only the `session` hook hands it to the client.
  const issued = deps.sessionManager.issue(identity, [method], requestInfo(c));
  issued.session.identity = identity;
  // With verification on, the internal `verification` hook runs first (PostRegistrationPostPersistHooks).
  const verification = config.get('selfservice.flows.verification.enabled', false);
  const hooks = afterHooks(config, 'registration', method.method);
  for (const h of verification ? [{ hook: 'verification' }, ...hooks] : hooks) {
    const hook = h.hook === 'session' ? sessionHook(deps, issued) : deps.postRegistrationHooks[h.hook];
    const response = await hook?.executePostRegistrationHook({ c, flow, identity, config: h.config });
    if (response) return response;
  }

  const identityJson = marshalIdentity(identity, deps.schemaUrl(identity.schema_id), { kind: 'public' });
  if (flow.type === 'api' || flows.isJson(c)) {
    return c.json({ identity: identityJson, ...continueWith(flow) });
  }
  // show_verification_ui sends browsers to the verification UI first (ReturnToVerification).
  const verificationUi = flow.internal.return_to_verification;
  return c.redirect(typeof verificationUi === 'string' ? verificationUi : returnTo.toString(), 303);
}

/** The `session` hook (selfservice/hook/session_issuer.go). */
function sessionHook(
  deps: PostRegistrationDeps,
  issued: ReturnType<SessionManager['issue']>,
): PostRegistrationHook {
  return {
    executePostRegistrationHook({ c, flow, identity }) {
      const { flows } = deps;
      const now = flows.now();
      const identityJson = marshalIdentity(identity, deps.schemaUrl(identity.schema_id), { kind: 'public' });
      const session = (): Record<string, unknown> => marshalSession(issued.session, now, deps.schemaUrl);
      if (flow.type === 'api') {
        flow.continue_with = [
          ...(flow.continue_with ?? []),
          { action: 'set_ory_session_token', ory_session_token: issued.token },
        ];
        return c.json({
          session_token: issued.token,
          session: session(),
          identity: identityJson,
          ...continueWith(flow),
        });
      }
      c.header('Set-Cookie', deps.sessionManager.issueCookie(issued), { append: true });
      if (flows.isJson(c))
        return c.json({ session: session(), identity: identityJson, ...continueWith(flow) });
      return undefined;
    },
  };
}

function continueWith(flow: StoredFlow): Record<string, unknown> {
  return flow.continue_with && flow.continue_with.length > 0 ? { continue_with: flow.continue_with } : {};
}
