// The nodes of code recovery and code verification (selfservice/strategy/code/node.go, strategy.go
// populateChooseMethodFlow / populateEmailSentFlow, strategy_recovery.go).
import {
  nodeLabelContinue,
  nodeLabelEmail,
  nodeLabelEmailOrPhone,
  nodeLabelRecoveryCode,
  nodeLabelResendCode,
  nodeLabelVerificationCode,
} from '../../../text/node';
import { inputNode, submitNode } from '../../../ui/nodes';
import type { UiInputNode, UiNodeGroup } from '../../../ui/types';
import { CODE_LENGTH } from './codes';

/** The address input of the first screen: email, or "email or phone number" when an SMS channel exists. */
export function addressInput(group: UiNodeGroup, value: unknown, phoneToo = false): UiInputNode {
  return inputNode(group, 'email', {
    type: phoneToo ? 'text' : 'email',
    value,
    required: true,
    label: phoneToo ? nodeLabelEmailOrPhone() : nodeLabelEmail(),
  });
}

/** The `method` submit button ("Continue"). */
export const continueButton = (group: UiNodeGroup = 'code', method = 'code'): UiInputNode =>
  submitNode(group, 'method', method, nodeLabelContinue());

/** The hidden `method=code` a resend button needs (it submits no method of its own). */
export const hiddenMethod = (): UiInputNode => inputNode('code', 'method', { type: 'hidden', value: 'code' });

export const verificationCodeInput = (): UiInputNode =>
  inputNode('code', 'code', {
    required: true,
    autocomplete: 'one-time-code',
    label: nodeLabelVerificationCode(),
  });

export const recoveryCodeInput = (): UiInputNode =>
  inputNode('code', 'code', {
    required: true,
    pattern: '[0-9]+',
    maxlength: CODE_LENGTH,
    autocomplete: 'one-time-code',
    label: nodeLabelRecoveryCode(),
  });

/** "Resend code": submits the address again under its own name (`email`, or `sms` for phone hooks). */
export const resendButton = (name: string, value: string): UiInputNode =>
  submitNode('code', name, value, nodeLabelResendCode());
