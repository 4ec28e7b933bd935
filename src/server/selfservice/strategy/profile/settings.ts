// Profile settings (selfservice/strategy/profile/strategy.go): the traits form prefilled with the identity's
// traits. Traits that feed credentials or addresses (identifiers, verifiable and recovery addresses) can
// only change from a privileged session; the others at any time.
import type { IdentityManager } from '../../../identity/manager';
import { protectedFieldsChanged } from '../../../identity/privileged';
import type { IdentitySchemaRegistry } from '../../../schema/registry';
import { nodeLabelSave } from '../../../text/node';
import { appendNode, resetNodeValues, upsertNode } from '../../../ui/container';
import { submitNode } from '../../../ui/nodes';
import { nodesFromJsonSchema, updateNodeValuesFromJson } from '../../../ui/schema-nodes';
import type { StoredFlow } from '../../flow/model';
import { methodDisabled } from '../../flow/errors';
import { payloadValidator } from '../../flow/payload';
import type { FlowService } from '../../flow/service';
import { NOT_RESPONSIBLE, type SettingsStrategy } from '../../flow/strategy';
import { noValueChanges } from '../../flow/settings/errors';

export interface ProfileSettingsDeps {
  flows: FlowService;
  schemas: IdentitySchemaRegistry;
  identityManager: IdentityManager;
  enabled(): boolean;
}

// selfservice/strategy/profile/.schema/settings.schema.json; the traits are checked against the identity's
// schema when the identity is validated.
const payload = payloadValidator({
  type: 'object',
  properties: {
    csrf_token: { type: 'string' },
    method: { type: 'string' },
    traits: { type: 'object' },
    transient_payload: { type: 'object', additionalProperties: true },
  },
});

export function profileSettingsStrategy(deps: ProfileSettingsDeps): SettingsStrategy {
  /** hydrateForm: the traits inputs show what was submitted (or stored), nothing else. */
  const showTraits = (flow: StoredFlow, traits: unknown): void => {
    resetNodeValues(
      flow.ui,
      flow.ui.nodes
        .filter((n) => n.type === 'input' && n.attributes.name.startsWith('traits.'))
        .map((n) => (n.type === 'input' ? n.attributes.name : '')),
    );
    updateNodeValuesFromJson(flow.ui, traits, 'traits', 'profile');
  };

  return {
    id: 'profile',
    group: 'profile',

    populateSettings(flow, { identity }) {
      const schema = deps.schemas.find(identity.schema_id)?.json ?? {};
      for (const n of nodesFromJsonSchema(schema, { group: 'profile' })) upsertNode(flow.ui, n);
      updateNodeValuesFromJson(flow.ui, identity.traits, 'traits', 'profile');
      appendNode(flow.ui, submitNode('profile', 'method', 'profile', nodeLabelSave()));
    },

    async settings({ c, flow, body, json, identity, requirePrivileged }) {
      if (body.method !== 'profile') return NOT_RESPONSIBLE;
      if (!deps.enabled()) throw methodDisabled();
      const submitted = body.traits;
      try {
        payload.assert(body);
        if (isObject(body.transient_payload)) flow.transient_payload = body.transient_payload;
        deps.flows.ensureCsrf(c, flow, body.csrf_token, json);
        if (submitted === undefined) throw noValueChanges();
        const original = structuredClone(identity);
        identity.traits = submitted;
        deps.identityManager.validate(identity);
        if (protectedFieldsChanged(original, identity)) requirePrivileged();
        return { identity };
      } finally {
        showTraits(flow, isObject(submitted) ? submitted : identity.traits);
      }
    },
  };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);
