// The nodes of link recovery and link verification (selfservice/strategy/link/strategy_*.go).
import { nodeLabelContinue, nodeLabelEmail } from '../../../text/node';
import { inputNode, submitNode } from '../../../ui/nodes';
import type { UiInputNode } from '../../../ui/types';

export const linkEmailInput = (value?: string): UiInputNode =>
  inputNode('link', 'email', { type: 'email', value, required: true, label: nodeLabelEmail() });

export const linkSubmit = (): UiInputNode => submitNode('link', 'method', 'link', nodeLabelContinue());
