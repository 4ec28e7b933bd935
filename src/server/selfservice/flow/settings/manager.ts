// Creating settings flows (selfservice/flow/settings/handler.go NewFlow, flow.go NewFlow): bound to the
// identity, `show_form`, each enabled strategy's nodes for what the identity has set up, Kratos's order.
import type { Context } from 'hono';
import type { IdentityPersister } from '../../../identity/persister';
import type { Identity } from '../../../identity/model';
import type { IdentitySchemaRegistry } from '../../../schema/registry';
import type { JsonObject } from '../../../schema/model';
import { newContainer, setCsrf } from '../../../ui/container';
import type { UiContainer } from '../../../ui/types';
import { sortSettingsNodes } from '../../../ui/sort';
import { methodEnabled, returnToPolicy } from '../config';
import type { FlowType, StoredFlow } from '../model';
import { secureReturnTo } from '../return-to';
import type { FlowService } from '../service';
import type { SettingsStrategy } from '../strategy';
import { noRows } from '../../../errors/errors';

export interface SettingsFlowDeps {
  flows: FlowService;
  schemas: IdentitySchemaRegistry;
  identityPersister: IdentityPersister;
  settingsStrategies(): SettingsStrategy[];
}

export class SettingsFlowManager {
  constructor(private readonly deps: SettingsFlowDeps) {}

  /** A new, populated and stored settings flow for the identity. */
  async newSettingsFlow(
    c: Context,
    identity: Identity,
    type: FlowType,
    overrides: { requestUrl?: string } = {},
  ): Promise<StoredFlow> {
    const { flows } = this.deps;
    const url = new URL(overrides.requestUrl ?? c.req.url);
    secureReturnTo(url.searchParams.get('return_to'), returnToPolicy(flows.config));
    const flow = flows.create(c, 'settings', type, {
      request_url: url.toString(),
      identity_id: identity.id,
      state: 'show_form',
    });
    flow.ui = await this.populate(flow, identity, flow.csrf_token);
    flows.save(flow);
    return flow;
  }

  /** The form for the identity as it is now: every enabled strategy's nodes, sorted, with a CSRF token. */
  async populate(flow: StoredFlow, identity: Identity, csrfToken: string): Promise<UiContainer> {
    const withCredentials = this.identityWithCredentials(identity.id);
    const scratch: StoredFlow = { ...flow, ui: newContainer(flow.ui.action) };
    setCsrf(scratch.ui, csrfToken);
    for (const s of this.enabledStrategies())
      await s.populateSettings(scratch, { identity: withCredentials });
    this.sort(scratch, withCredentials);
    return scratch.ui;
  }

  /** The identity schema's JSON (form posts are typed by it). */
  schemaOf(identity: Identity): JsonObject | undefined {
    return this.deps.schemas.find(identity.schema_id)?.json;
  }

  sort(flow: StoredFlow, identity: Identity = this.identity(flow.identity_id ?? '')): void {
    sortSettingsNodes(flow.ui.nodes, this.deps.schemas.find(identity.schema_id)?.json ?? {});
  }

  /** The identity with its credentials (sessions carry it without). */
  identityWithCredentials(id: string): Identity {
    return this.identity(id, true);
  }

  identity(id: string, withCredentials = false): Identity {
    const identity = this.deps.identityPersister.getIdentity(id, { withCredentials });
    if (!identity) throw noRows();
    return identity;
  }

  private enabledStrategies(): SettingsStrategy[] {
    return this.deps.settingsStrategies().filter((s) => methodEnabled(this.deps.flows.config, s.id));
  }
}
