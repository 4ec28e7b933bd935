// Registration-specific parts of flow handling: node order, the expired message, replacement flows.
import { registrationFlowExpired } from '../../../text/registration';
import type { StoredFlow } from '../model';
import type { FlowPolicy } from '../service';

export function registrationPolicy(
  sort: (flow: StoredFlow) => void,
  replacement: FlowPolicy['replacement'],
): FlowPolicy {
  return {
    kind: 'registration',
    expiredMessage: (expiredAt, now) => registrationFlowExpired(expiredAt, now),
    sort,
    replacement,
  };
}
