// Creating recovery flows (selfservice/flow/recovery/flow.go NewFlow, FromOldFlow): the method in `use`
// must be enabled, return_to must be allowed, the method adds its nodes and the flow belongs to it
// (`active`). Flows are v1 (choose_method → sent_email → passed_challenge); Kratos's v2 address chooser
// (`feature_flags.choose_recovery_address`) is not offered.
import type { Context } from 'hono';
import { badRequest } from '../../../errors/errors';
import { methodEnabled, returnToPolicy } from '../config';
import type { FlowType, StoredFlow } from '../model';
import { secureReturnTo } from '../return-to';
import type { FlowService } from '../service';
import { flowEnabled, flowUse } from './config';
import type { RecoveryStrategy } from './strategy';

export interface RecoveryFlowDeps {
  flows: FlowService;
  /** Every recovery method in Kratos's order (code, link), enabled or not. */
  recoveryStrategies(): RecoveryStrategy[];
}

export class RecoveryFlowManager {
  constructor(private readonly deps: RecoveryFlowDeps) {}

  enabled(): boolean {
    return flowEnabled(this.deps.flows.config, 'recovery');
  }

  all(): RecoveryStrategy[] {
    return this.deps.recoveryStrategies();
  }

  /** GetActiveRecoveryStrategies: the enabled method named by `use` (or `id`). */
  active(id = flowUse(this.deps.flows.config, 'recovery')): RecoveryStrategy {
    const config = this.deps.flows.config;
    const found = this.all().find((s) => s.id === id && methodEnabled(config, s.id));
    if (!found) {
      throw badRequest(
        `You attempted recovery using ${id}, which is not enabled or does not exist. An administrator needs to enable this recovery method.`,
      );
    }
    return found;
  }

  /** A new flow in `choose_method` (not stored). `lifespanMs` overrides the flow lifespan (admin links). */
  newFlow(
    c: Context,
    type: FlowType,
    opts: { requestUrl?: string; strategy?: RecoveryStrategy; lifespanMs?: number } = {},
  ): StoredFlow {
    const { flows } = this.deps;
    const url = new URL(opts.requestUrl ?? c.req.url);
    secureReturnTo(url.searchParams.get('return_to'), returnToPolicy(flows.config));
    const strategy = opts.strategy ?? this.active();
    const flow = flows.create(c, 'recovery', type, { request_url: url.toString() });
    if (opts.lifespanMs !== undefined) {
      flow.expires_at = new Date(flows.now().getTime() + opts.lifespanMs).toISOString();
    }
    flow.active = strategy.group;
    strategy.populateRecovery(c, flow);
    return flow;
  }

  /** FromOldFlow: an API flow of the link method is replaced by a browser flow (links open in browsers). */
  replacement(c: Context, old: StoredFlow): StoredFlow {
    let strategy: RecoveryStrategy;
    try {
      strategy = this.active(old.active);
    } catch {
      strategy = this.active();
    }
    const type = old.type === 'api' && old.active === 'link' ? 'browser' : old.type;
    const fresh = this.newFlow(c, type, { strategy, requestUrl: c.req.url });
    fresh.request_url = old.request_url;
    return fresh;
  }
}
