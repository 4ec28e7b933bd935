// The profile method (selfservice/strategy/profile): the traits form of registration. In two-step
// registration (`profile_first`, Kratos's default) it validates the traits first, then shows the credential
// choices with the traits hidden and a Back button; every step answers 400 + flow for JSON clients.
import type { Context } from 'hono';
import { newSignUpIdentity } from '../../../identity/id';
import type { IdentityManager } from '../../../identity/manager';
import type { IdentitySchemaRegistry } from '../../../schema/registry';
import {
  registrationBack,
  registrationChooseCredentials,
  registrationSignUp,
} from '../../../text/registration';
import { addMessage, clearMessages, findNode, removeNodes, upsertNode } from '../../../ui/container';
import { submitNode } from '../../../ui/nodes';
import { nodesFromJsonSchema, updateNodeValuesFromJson } from '../../../ui/schema-nodes';
import { sortRegistrationNodes } from '../../../ui/sort';
import { registrationOneStep } from '../../flow/config';
import type { StoredFlow } from '../../flow/model';
import type { FlowService } from '../../flow/service';
import { NOT_RESPONSIBLE, type RegistrationStrategy, type SubmitContext } from '../../flow/strategy';
import { uiError } from '../../flow/ui-error';
import { registrationNoStrategyFound } from '../../../text/registration';

export interface ProfileRegistrationDeps {
  flows: FlowService;
  schemas: IdentitySchemaRegistry;
  identityManager: IdentityManager;
  /** The other registration strategies, for the credential-selection screen. */
  credentialStrategies(): RegistrationStrategy[];
}

const previousScreen = () => submitNode('profile', 'screen', 'previous', registrationBack());
const profileSubmit = () => submitNode('profile', 'method', 'profile', registrationSignUp());

export function profileRegistrationStrategy(deps: ProfileRegistrationDeps): RegistrationStrategy {
  const schemaOf = (flow: StoredFlow): Record<string, unknown> =>
    deps.schemas.find(flow.identity_schema ?? '')?.json ?? {};
  const addTraitNodes = (flow: StoredFlow): void => {
    for (const n of nodesFromJsonSchema(schemaOf(flow), { group: 'default' })) upsertNode(flow.ui, n);
  };

  const populateProfile = (flow: StoredFlow): void => {
    removeNodes(
      flow.ui,
      (n) => n.group === 'profile' && n.type === 'input' && n.attributes.name === 'screen',
    );
    addTraitNodes(flow);
    upsertNode(flow.ui, profileSubmit());
  };

  return {
    id: 'profile',
    group: 'profile',

    populateRegistration: addTraitNodes,
    populateRegistrationProfile: populateProfile,

    async register({ c, flow, body, json }: SubmitContext) {
      if (registrationOneStep(deps.flows.config)) return NOT_RESPONSIBLE;
      const screen = typeof body.screen === 'string' ? body.screen : '';
      // A `screen` makes the submission the profile method's, whatever `method` says: the code form's
      // "Back" posts `screen=credential-selection` next to its hidden `method=code`
      // (selfservice/strategy/profile/registration.go Register).
      if (body.method === 'profile' || screen !== '') {
        if (screen === 'previous') return backToProfile(c, flow, body, json);
        return showCredentialSelection(c, flow, body, json);
      }
      if (body.method === 'profile:back') return backToProfile(c, flow, body, json);
      return NOT_RESPONSIBLE;
    },
  };

  async function backToProfile(
    c: Context,
    flow: StoredFlow,
    body: Record<string, unknown>,
    _json: boolean,
  ): Promise<Response> {
    clearMessages(flow.ui);
    for (const s of deps.credentialStrategies()) await s.populateRegistrationProfile?.(flow);
    populateProfile(flow);
    restoreTraitInputs(flow);
    updateNodeValuesFromJson(flow.ui, isObject(body.traits) ? body.traits : {}, 'traits', 'default');
    return answer(c, flow);
  }

  async function showCredentialSelection(
    c: Context,
    flow: StoredFlow,
    body: Record<string, unknown>,
    json: boolean,
  ): Promise<Response> {
    delete flow.active;
    flow.state = 'choose_method';
    clearMessages(flow.ui);
    if (isObject(body.transient_payload)) flow.transient_payload = body.transient_payload;
    const traits = isObject(body.traits) ? body.traits : {};
    const echo = (err: Error): Error => {
      updateNodeValuesFromJson(flow.ui, traits, 'traits', 'default');
      return err;
    };
    deps.flows.ensureCsrf(c, flow, body.csrf_token, json);
    try {
      const now = deps.flows.now().toISOString();
      deps.identityManager.validate(
        newSignUpIdentity(flow.identity_schema ?? deps.schemas.defaultId, traits, now),
      );
    } catch (err) {
      throw echo(err as Error);
    }
    let populated = false;
    for (const s of deps.credentialStrategies()) {
      if (!s.populateRegistrationCredentials) continue;
      await s.populateRegistrationCredentials(flow);
      populated = true;
    }
    if (!populated) throw echo(uiError(registrationNoStrategyFound()));
    upsertNode(flow.ui, previousScreen());
    removeNodes(
      flow.ui,
      (n) => n.group === 'profile' && n.type === 'input' && n.attributes.name === 'method',
    );
    // The traits stay in the form, hidden, so the credential step submits them again.
    for (const n of flow.ui.nodes) {
      if (n.group === 'default' && n.type === 'input' && n.attributes.name.startsWith('traits.'))
        n.attributes.type = 'hidden';
    }
    addMessage(flow.ui, registrationChooseCredentials());
    updateNodeValuesFromJson(flow.ui, traits, 'traits', 'default');
    return answer(c, flow);
  }

  /** Back on the profile screen, the trait inputs get their schema types again. */
  function restoreTraitInputs(flow: StoredFlow): void {
    for (const fresh of nodesFromJsonSchema(schemaOf(flow), { group: 'default' })) {
      const existing = findNode(flow.ui.nodes, fresh.attributes.name, 'default');
      if (existing && existing.type === 'input') existing.attributes.type = fresh.attributes.type;
    }
  }

  function answer(c: Context, flow: StoredFlow): Response {
    sortRegistrationNodes(flow.ui.nodes, schemaOf(flow));
    deps.flows.save(flow);
    if (flow.type === 'browser' && !deps.flows.isJson(c)) return c.redirect(deps.flows.uiLocation(flow), 303);
    return deps.flows.json(c, flow, 400);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);
