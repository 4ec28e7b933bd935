// Submitting a settings flow (selfservice/flow/settings/handler.go updateSettingsFlow): AAL, expiry and
// owner checks, the strategy loop, and the pause/resume of a change that needed re-authentication
// (Kratos's continuity container; Gatehouse keeps the paused payload in the flow, bound to the identity).
import type { Context } from 'hono';
import type { CurrentSession, SessionManager } from '../../../session/manager';
import { requestInfo } from '../../../session/manager';
import { settingsNoStrategyFound } from '../../../text/settings';
import { decodeFlowBody } from '../body';
import { privilegedSessionMaxAgeMs, settingsRequiredAal } from '../config';
import type { StoredFlow } from '../model';
import type { FlowPolicy, FlowService } from '../service';
import { NOT_RESPONSIBLE, type SettingsStrategy, type SettingsUpdate } from '../strategy';
import { uiError } from '../ui-error';
import { initiatedBySomeoneElse, NeedsReauthentication } from './errors';
import { completeSettings, type CompleteSettingsDeps } from './hook';
import type { SettingsFlowManager } from './manager';

export interface SettingsSubmitDeps extends CompleteSettingsDeps {
  flows: FlowService;
  sessionManager: SessionManager;
  settingsFlows: SettingsFlowManager;
  settingsStrategies(): SettingsStrategy[];
}

/** A change waiting for re-authentication (continuity.Container, 15 minutes). */
interface PausedChange {
  identity_id: string;
  body: Record<string, unknown>;
  expires_at: string;
}

const CONTINUITY_MS = 15 * 60_000;

export async function submitSettings(
  deps: SettingsSubmitDeps,
  c: Context,
  flow: StoredFlow,
  current: CurrentSession,
  policy: FlowPolicy,
): Promise<Response> {
  const { flows, sessionManager } = deps;
  sessionManager.assertAal(current.session, current.identity, settingsRequiredAal(flows.config), c.req.url);
  await flows.assertNotExpired(c, flow, policy);
  if (flow.identity_id !== current.identity.id) throw initiatedBySomeoneElse();

  const browserForm = flow.type === 'browser' && !flows.isJson(c);
  const paused = browserForm ? takePausedChange(flow, current, flows.now()) : undefined;
  const decoded = paused
    ? { body: paused.body, json: false }
    : await decodeFlowBody(c, deps.settingsFlows.schemaOf(current.identity));

  const privileged = isPrivileged(current, privilegedSessionMaxAgeMs(flows.config), flows.now());
  const original = deps.settingsFlows.identityWithCredentials(current.identity.id);
  try {
    for (const strategy of deps.settingsStrategies()) {
      const update: SettingsUpdate | typeof NOT_RESPONSIBLE = await strategy.settings({
        c,
        req: requestInfo(c),
        flow,
        body: decoded.body,
        json: decoded.json,
        session: current,
        identity: structuredClone(original),
        requirePrivileged: () => {
          if (!privileged) throw new NeedsReauthentication();
        },
      });
      if (update === NOT_RESPONSIBLE) continue;
      return await completeSettings(deps, c, {
        flow,
        current,
        strategy,
        original,
        update,
        privileged,
        policy,
      });
    }
  } catch (err) {
    if (err instanceof NeedsReauthentication && flow.type === 'browser') {
      flow.internal.paused_settings = {
        identity_id: current.identity.id,
        body: decoded.body,
        expires_at: new Date(flows.now().getTime() + CONTINUITY_MS).toISOString(),
      } satisfies PausedChange;
      flows.save(flow);
    }
    throw err;
  }
  throw uiError(settingsNoStrategyFound());
}

/** session.IsPrivileged: signed in within `privileged_session_max_age`. */
export function isPrivileged(current: CurrentSession, maxAgeMs: number, now: Date): boolean {
  return new Date(current.session.authenticated_at).getTime() + maxAgeMs > now.getTime();
}

/** The change paused before re-authentication, once (continuity.Manager.Continue consumes it). */
function takePausedChange(flow: StoredFlow, current: CurrentSession, now: Date): PausedChange | undefined {
  const paused = flow.internal.paused_settings as PausedChange | undefined;
  if (!paused) return undefined;
  delete flow.internal.paused_settings;
  if (paused.identity_id !== current.identity.id) return undefined;
  if (new Date(paused.expires_at).getTime() < now.getTime()) return undefined;
  return paused;
}
