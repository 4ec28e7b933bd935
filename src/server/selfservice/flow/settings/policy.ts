// Settings-specific parts of flow handling: node order by the identity's schema, the expired message, a
// replacement flow for the same identity, and the `identity` the flow JSON carries.
import { marshalIdentity } from '../../../identity/marshal';
import { settingsFlowExpired } from '../../../text/settings';
import type { StoredFlow } from '../model';
import type { FlowPolicy } from '../service';
import type { SettingsFlowManager } from './manager';

export interface SettingsPolicyDeps {
  settingsFlows: SettingsFlowManager;
  schemaUrl(schemaId: string): string;
}

export function settingsPolicy(deps: SettingsPolicyDeps): FlowPolicy {
  return {
    kind: 'settings',
    expiredMessage: (expiredAt, now) => settingsFlowExpired(expiredAt, now),
    sort: (flow: StoredFlow) => deps.settingsFlows.sort(flow),
    replacement: (c, old) =>
      deps.settingsFlows.newSettingsFlow(c, deps.settingsFlows.identity(old.identity_id ?? ''), old.type, {
        requestUrl: old.request_url,
      }),
    extra: (flow: StoredFlow) => {
      const identity = deps.settingsFlows.identity(flow.identity_id ?? '');
      return { identity: marshalIdentity(identity, deps.schemaUrl(identity.schema_id), { kind: 'public' }) };
    },
  };
}
