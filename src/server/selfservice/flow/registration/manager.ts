// Creating registration flows (selfservice/flow/registration/handler.go NewRegistrationFlow).
import type { Context } from 'hono';
import { badRequest } from '../../../errors/errors';
import type { IdentitySchemaRegistry } from '../../../schema/registry';
import type { SessionManager } from '../../../session/manager';
import { requestInfo } from '../../../session/manager';
import { sortRegistrationNodes } from '../../../ui/sort';
import { registrationEnabled, registrationOneStep, returnToPolicy } from '../config';
import { registrationDisabled } from '../errors';
import type { FlowType, StoredFlow } from '../model';
import { secureReturnTo } from '../return-to';
import type { FlowService } from '../service';
import type { RegistrationStrategy } from '../strategy';

export interface RegistrationFlowDeps {
  flows: FlowService;
  sessionManager: SessionManager;
  schemas: IdentitySchemaRegistry;
  registrationStrategies: RegistrationStrategy[];
}

/** A session exists; registration is not possible. */
export class AlreadyRegistered extends Error {}

export class RegistrationFlowManager {
  constructor(private readonly deps: RegistrationFlowDeps) {}

  async newRegistrationFlow(
    c: Context,
    type: FlowType,
    overrides: { requestUrl?: string } = {},
  ): Promise<StoredFlow> {
    const { flows } = this.deps;
    if (!registrationEnabled(flows.config)) throw registrationDisabled();
    const url = new URL(overrides.requestUrl ?? c.req.url);
    secureReturnTo(url.searchParams.get('return_to'), returnToPolicy(flows.config));
    const identitySchema = this.selectableSchema(url.searchParams.get('identity_schema'));
    if (this.deps.sessionManager.optionalFromRequest(requestInfo(c))) throw new AlreadyRegistered();

    const flow = flows.create(c, 'registration', type, {
      request_url: url.toString(),
      ...(identitySchema ? { identity_schema: identitySchema } : {}),
    });
    const oneStep = registrationOneStep(flows.config);
    for (const s of this.deps.registrationStrategies) {
      if (oneStep) await s.populateRegistration(flow);
      else await s.populateRegistrationProfile?.(flow);
    }
    this.sort(flow);
    return flow;
  }

  sort(flow: StoredFlow): void {
    sortRegistrationNodes(flow.ui.nodes, this.deps.schemas.find(flow.identity_schema ?? '')?.json ?? {});
  }

  private selectableSchema(requested: string | null): string | undefined {
    if (!requested) return undefined;
    if (requested === this.deps.schemas.defaultId) return requested;
    const schema = this.deps.schemas.list().find((s) => s.id === requested);
    if (!schema) throw badRequest(`Requested identity schema ${JSON.stringify(requested)} does not exist.`);
    if (!schema.selfserviceSelectable) {
      throw badRequest(
        `Requested identity schema ${JSON.stringify(requested)} is not enabled for self-service flows.`,
      );
    }
    return requested;
  }
}
