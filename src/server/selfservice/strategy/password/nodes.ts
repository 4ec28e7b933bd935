// The password method's nodes (selfservice/strategy/password/nodes.go and login/registration population).
import { loginPassword, loginSignIn } from '../../../text/login';
import type { UiText } from '../../../text/message';
import { nodeLabelPassword } from '../../../text/node';
import { registrationSignUp } from '../../../text/registration';
import { inputNode, submitNode } from '../../../ui/nodes';
import type { UiInputNode } from '../../../ui/types';

export const passwordInput = (autocomplete: 'current-password' | 'new-password'): UiInputNode =>
  inputNode('password', 'password', {
    type: 'password',
    required: true,
    autocomplete,
    label: nodeLabelPassword(),
  });

export const identifierInput = (label: UiText, value = ''): UiInputNode =>
  inputNode('default', 'identifier', { type: 'text', value, required: true, label });

export const hiddenIdentifier = (label: UiText, value: string): UiInputNode =>
  inputNode('default', 'identifier', { type: 'hidden', value, required: true, label });

export const loginSubmit = (refresh: boolean): UiInputNode =>
  submitNode('password', 'method', 'password', refresh ? loginSignIn() : loginPassword());

export const registrationSubmit = (): UiInputNode =>
  submitNode('password', 'method', 'password', registrationSignUp());
