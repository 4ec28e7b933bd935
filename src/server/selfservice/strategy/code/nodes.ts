// The `code` method's UI nodes (selfservice/strategy/code/node.go) and the "code sent" form that replaces a
// login or registration flow's UI once codes went out (strategy.go populateEmailSentFlow).
import { loginAal2CodeAddress, loginSendCode } from '../../../text/login';
import type { UiText } from '../../../text/message';
import {
  nodeLabelContinue,
  nodeLabelLoginCode,
  nodeLabelRegistrationCode,
  nodeLabelResendCode,
} from '../../../text/node';
import { registrationBack, registrationSendCode } from '../../../text/registration';
import { canonicalInputAttributes } from '../../../ui/attributes';
import { clearMessages, nodeId, setCsrf, setMessage, upsertNode } from '../../../ui/container';
import { inputNode, submitNode } from '../../../ui/nodes';
import type { UiInputNode, UiNode, UiNodeGroup } from '../../../ui/types';
import type { StoredFlow } from '../../flow/model';
import type { Address } from './addresses';

/** "Send sign in code" (1010015) on the passwordless login form. */
export const loginSubmit = (): UiInputNode => submitNode('code', 'method', 'code', loginSendCode());

/** "Send sign up code" (1040006) on the registration form. */
export const registrationSubmit = (): UiInputNode =>
  submitNode('code', 'method', 'code', registrationSendCode());

/** One "Send code to <address>" (1010023) button per address: second factor and refresh logins. */
export const addressButton = (a: Address): UiInputNode =>
  submitNode('code', 'address', a.to, loginAal2CodeAddress(a.via, a.to));

/** The login identifier input (the password strategy renders the same node; Kratos upserts it). */
export const identifierInput = (label: UiText): UiInputNode =>
  inputNode('default', 'identifier', { type: 'text', value: '', required: true, label });

const continueButton = (): UiInputNode => submitNode('code', 'method', 'code', nodeLabelContinue());
const hiddenMethod = (): UiInputNode => inputNode('code', 'method', { type: 'hidden', value: 'code' });
const resendButton = (): UiInputNode => submitNode('code', 'resend', 'code', nodeLabelResendCode());
const credentialSelectionButton = (): UiInputNode =>
  submitNode('profile', 'screen', 'credential-selection', registrationBack());
const codeInput = (label?: UiText): UiInputNode =>
  inputNode('code', 'code', {
    type: 'text',
    required: true,
    // Lets browsers offer the one-time code from the SMS or email (Web OTP).
    autocomplete: 'one-time-code',
    ...(label ? { label } : {}),
  });

/**
 * Nodes.RemoveMatching: drops nodes with the needle's name, group and input type (and value, when the
 * needle has one).
 */
export function removeMatching(nodes: UiNode[], needle: UiInputNode): UiNode[] {
  const want = needle.attributes;
  return nodes.filter((n) => {
    if (n.type !== 'input' || n.group !== needle.group) return true;
    const a = n.attributes;
    if (a.name !== want.name || a.type !== want.type) return true;
    return want.value !== undefined && String(a.value) !== String(want.value);
  });
}

/** Every node the code-sent form adds, so the credential screens can take them away again. */
export function withoutCodeFormNodes(nodes: UiNode[]): UiNode[] {
  let out = nodes;
  for (const needle of [
    resendButton(),
    credentialSelectionButton(),
    continueButton(),
    hiddenMethod(),
    codeInput(),
  ]) {
    out = removeMatching(out, needle);
  }
  return out;
}

/** Groups Kratos treats as transient (Nodes.ClearTransientNodes): every method's and the default group. */
const TRANSIENT_GROUPS = new Set<UiNodeGroup>([
  'default',
  'password',
  'oidc',
  'profile',
  'link',
  'code',
  'totp',
  'lookup_secret',
  'webauthn',
  'passkey',
  'identifier_first',
  'saml',
]);

export interface CodeFormOptions {
  message: UiText;
  /** Registration flows in two-step style get a button back to the credential selection. */
  backToCredentialSelection?: boolean;
  /** The masked CSRF token (browser flows only; API flows carry none once the form was rebuilt). */
  csrfToken?: string;
}

/**
 * populateEmailSentFlow: the flow's nodes are rebuilt around the code input. Login keeps the identifier
 * (and turns every address button into a hidden `identifier`, exactly as Kratos does), registration keeps
 * the default group (the traits) hidden; then the hidden method, the code input, Continue, Resend and, for
 * two-step registration, Back.
 */
export function showCodeForm(flow: StoredFlow, o: CodeFormOptions): void {
  clearMessages(flow.ui);
  const fresh = flow.ui.nodes.filter((n) => !TRANSIENT_GROUPS.has(n.group));
  if (flow.kind === 'login') {
    for (const n of flow.ui.nodes) {
      const id = nodeId(n);
      if (n.type !== 'input' || (id !== 'identifier' && id !== 'address')) continue;
      n.attributes = canonicalInputAttributes({ ...n.attributes, type: 'hidden', name: 'identifier' });
      fresh.push(n);
    }
  } else {
    for (const n of flow.ui.nodes) {
      if (n.type === 'input' && n.attributes.type === 'submit') continue;
      if (n.group !== 'default') continue;
      // Kratos leaves fields with messages visible; as it, the messages were just cleared above.
      if (n.type === 'input' && n.messages.length === 0) {
        n.attributes = canonicalInputAttributes({ ...n.attributes, type: 'hidden' });
      }
      fresh.push(n);
    }
  }
  flow.ui.nodes = fresh;
  // The hidden method must come before the submit button: upsert replaces the first node of a name.
  upsertNode(flow.ui, hiddenMethod());
  upsertNode(flow.ui, codeInput(flow.kind === 'login' ? nodeLabelLoginCode() : nodeLabelRegistrationCode()));
  flow.ui.nodes.push(continueButton(), resendButton());
  if (o.backToCredentialSelection) flow.ui.nodes.push(credentialSelectionButton());
  flow.ui.method = 'POST';
  setMessage(flow.ui, o.message);
  if (o.csrfToken !== undefined) setCsrf(flow.ui, o.csrfToken);
}
