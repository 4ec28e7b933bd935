// Login-specific parts of flow handling: node order, the expired message, replacement flows.
import { loginFlowExpired } from '../../../text/login';
import { sortLoginNodes } from '../../../ui/sort';
import type { FlowPolicy } from '../service';
import type { StoredFlow } from '../model';

export function loginPolicy(replacement: FlowPolicy['replacement']): FlowPolicy {
  return {
    kind: 'login',
    expiredMessage: (expiredAt, now) => loginFlowExpired(expiredAt, now),
    sort: (flow: StoredFlow) => sortLoginNodes(flow.ui.nodes),
    replacement,
  };
}
