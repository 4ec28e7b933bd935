// Creating verification flows (selfservice/flow/verification/flow.go NewFlow, FromOldFlow,
// NewPostHookFlow; handler.go NewVerificationFlow): the method in `use` must be enabled, return_to must be
// allowed, each active method adds its nodes. The CSRF token is the browser's current one.
import type { Context } from 'hono';
import { badRequest } from '../../../errors/errors';
import { removeNodesByName } from '../../../ui/container';
import { methodEnabled, returnToPolicy } from '../config';
import type { FlowType, StoredFlow } from '../model';
import { returnToOf } from '../model';
import { secureReturnTo } from '../return-to';
import type { FlowService } from '../service';
import { flowEnabled, flowUse, verificationReturnUrl } from '../recovery/config';
import type { VerificationStrategy } from './strategy';

export interface VerificationFlowDeps {
  flows: FlowService;
  /** Every verification method in Kratos's order (code, link), enabled or not. */
  verificationStrategies(): VerificationStrategy[];
}

export interface ActiveVerificationStrategies {
  active: VerificationStrategy[];
  primary: VerificationStrategy;
}

export class VerificationFlowManager {
  constructor(private readonly deps: VerificationFlowDeps) {}

  enabled(): boolean {
    return flowEnabled(this.deps.flows.config, 'verification');
  }

  all(): VerificationStrategy[] {
    return this.deps.verificationStrategies();
  }

  /** GetActiveVerificationStrategies: the enabled method named by `use` (or `id`). */
  active(id = flowUse(this.deps.flows.config, 'verification')): ActiveVerificationStrategies {
    const config = this.deps.flows.config;
    const primary = this.all().find((s) => s.id === id && methodEnabled(config, s.id));
    if (!primary) {
      throw badRequest(
        `The active verification strategy ${id} is not enabled. Please enable it in the configuration.`,
      );
    }
    return { active: [primary], primary };
  }

  /** A new flow in `choose_method` (not stored). */
  newFlow(
    c: Context,
    type: FlowType,
    opts: { requestUrl?: string; strategies?: VerificationStrategy[] } = {},
  ): StoredFlow {
    const { flows } = this.deps;
    const url = new URL(opts.requestUrl ?? c.req.url);
    secureReturnTo(url.searchParams.get('return_to'), returnToPolicy(flows.config));
    const strategies = opts.strategies ?? this.active().active;
    const flow = flows.create(c, 'verification', type, { request_url: url.toString() });
    // Each method places the csrf_token node itself (code adds it after its inputs, for browsers only).
    removeNodesByName(flow.ui, ['csrf_token']);
    for (const s of strategies) {
      flow.active = s.group;
      s.populateVerification(c, flow);
    }
    return flow;
  }

  /** FromOldFlow: a replacement for an expired flow; API flows are replaced by browser flows. */
  replacement(c: Context, old: StoredFlow): StoredFlow {
    let strategies: VerificationStrategy[];
    try {
      strategies = this.active(old.active).active;
    } catch {
      strategies = this.active().active;
    }
    const fresh = this.newFlow(c, 'browser', { strategies, requestUrl: c.req.url });
    fresh.request_url = old.request_url;
    return fresh;
  }

  /**
   * NewPostHookFlow: a flow for the addresses of an identity that just registered, signed in or changed
   * its settings: same type, the original's transient payload, `after_verification_return_to` as return_to.
   */
  newPostHookFlow(c: Context, original: StoredFlow, strategies: VerificationStrategy[]): StoredFlow {
    const flow = this.newFlow(c, original.type, { strategies, requestUrl: c.req.url });
    if (original.transient_payload) flow.transient_payload = original.transient_payload;
    let url: URL;
    try {
      url = new URL(original.request_url);
    } catch {
      url = new URL(flow.request_url);
    }
    const after = url.searchParams.get('after_verification_return_to');
    if (after) url.searchParams.set('return_to', after);
    url.searchParams.delete('after_verification_return_to');
    flow.request_url = url.toString();
    flow.return_to = undefined;
    return flow;
  }

  /** Flow.ContinueURL: the flow's allowed return_to, else the verification (or global) default. */
  continueUrl(flow: StoredFlow): URL {
    const config = this.deps.flows.config;
    const fallback = verificationReturnUrl(config);
    try {
      return secureReturnTo(returnToOf(flow.request_url), returnToPolicy(config, fallback));
    } catch {
      return fallback;
    }
  }
}
