// Completing a settings change (selfservice/flow/settings/hook.go PostSettingsHook): protected fields need a
// privileged session, the identity is stored, the flow shows a fresh form with "Your changes have been
// saved!" (state `success`, still usable), the after hooks run — the internal `verification` hook first when
// verification is on — and the client gets the flow (JSON) or a redirect (browser).
import type { Context } from 'hono';
import type { Config } from '../../../config/config';
import { DuplicateIdentityError, type IdentityManager } from '../../../identity/manager';
import type { Identity } from '../../../identity/model';
import { protectedFieldsChanged } from '../../../identity/privileged';
import type { CurrentSession, SessionManager } from '../../../session/manager';
import { duplicateCredentials } from '../../../text/credentials';
import { settingsSaved } from '../../../text/settings';
import { addMessage, clearMessages } from '../../../ui/container';
import type { PostSettingsHook } from '../../hook/hook';
import { afterHooks, returnToPolicy } from '../config';
import { returnToOf, type StoredFlow } from '../model';
import { secureReturnTo } from '../return-to';
import type { FlowPolicy, FlowService } from '../service';
import type { SettingsStrategy, SettingsUpdate } from '../strategy';
import { uiError } from '../ui-error';
import { NeedsReauthentication } from './errors';
import type { SettingsFlowManager } from './manager';

export interface CompleteSettingsDeps {
  flows: FlowService;
  config: Config;
  identityManager: IdentityManager;
  sessionManager: SessionManager;
  settingsFlows: SettingsFlowManager;
  /** Hooks by their kratos.yml name; `verification` is the internal hook run first when verification is on. */
  postSettingsHooks: Record<string, PostSettingsHook>;
}

export interface CompletedChange {
  flow: StoredFlow;
  current: CurrentSession;
  strategy: SettingsStrategy;
  original: Identity;
  update: SettingsUpdate;
  privileged: boolean;
  policy: FlowPolicy;
}

export async function completeSettings(
  deps: CompleteSettingsDeps,
  c: Context,
  change: CompletedChange,
): Promise<Response> {
  const { flows, config } = deps;
  const { flow, current, strategy, original, update, policy } = change;
  const identity = update.identity;
  const returnTo = secureReturnTo(
    flow.return_to ?? returnToOf(flow.request_url),
    returnToPolicy(config, settingsReturnUrl(config, strategy.id, flows.uiLocation(flow))),
  );

  if (!change.privileged && protectedFieldsChanged(original, identity)) throw new NeedsReauthentication();
  try {
    deps.identityManager.update(identity);
  } catch (err) {
    if (err instanceof DuplicateIdentityError) throw uiError(duplicateCredentials());
    throw err;
  }
  const session = update.sessionMethods?.length
    ? deps.sessionManager.addAuthenticationMethods(current.session, update.sessionMethods)
    : current.session;

  flow.state = 'success';
  flow.active = strategy.id;
  const csrf = flow.type === 'browser' ? flows.csrfToken(c) : flow.csrf_token;
  flow.ui = await deps.settingsFlows.populate(flow, identity, csrf);
  clearMessages(flow.ui);
  addMessage(flow.ui, settingsSaved());
  flows.save(flow);

  for (const h of hooksFor(config, strategy.id)) {
    const response = await deps.postSettingsHooks[h.hook]?.executeSettingsPostPersistHook({
      c,
      flow,
      identity,
      session,
      previous: original,
      config: h.config,
    });
    if (response) return response;
  }

  // continue_with is part of this answer only; Kratos does not store it with the flow.
  const continueWith = [...(flow.continue_with ?? [])];
  if (flow.type === 'api') return flows.json(c, { ...flow, continue_with: continueWith }, 200, policy);
  c.header('Set-Cookie', deps.sessionManager.issueCookie({ session, token: current.token }), {
    append: true,
  });
  if (flows.isJson(c)) {
    continueWith.push({ action: 'redirect_browser_to', redirect_browser_to: returnTo.toString() });
    return flows.json(c, { ...flow, continue_with: continueWith }, 200, policy);
  }
  return c.redirect(returnTo.toString(), 303);
}

/** After hooks for the method (or the flow's), with `verification` first when verification is enabled. */
function hooksFor(config: Config, method: string): { hook: string; config?: unknown }[] {
  const hooks = afterHooks(config, 'settings', method);
  return config.get('selfservice.flows.verification.enabled', false)
    ? [{ hook: 'verification' }, ...hooks]
    : hooks;
}

/** SelfServiceFlowSettingsReturnTo: the method's, then the flow's after URL, else the settings UI. */
function settingsReturnUrl(config: Config, method: string, settingsUi: string): URL {
  const url =
    config.get<string | undefined>(
      `selfservice.flows.settings.after.${method}.default_browser_return_url`,
      undefined,
    ) ??
    config.get<string | undefined>('selfservice.flows.settings.after.default_browser_return_url', undefined);
  return new URL(url ?? settingsUi);
}
