// The webauthn method's nodes (x/webauthnx/nodes.go, selfservice/strategy/webauthn/nodes.go). The trigger
// buttons carry the ceremony options as their value and, for server-rendered forms, the legacy inline
// `onclick` Kratos still writes.
import { loginWebAuthn } from '../../../text/login';
import type { UiText } from '../../../text/message';
import { registrationWebAuthn } from '../../../text/registration';
import {
  settingsRegisterWebAuthn,
  settingsRemoveWebAuthn,
  settingsWebAuthnDisplayName,
} from '../../../text/settings';
import { inputNode, submitNode } from '../../../ui/nodes';
import type { UiInputNode } from '../../../ui/types';
import type { StoredWebAuthnCredential } from './credentials';
import { hexId } from './credentials';

export const webAuthnLoginInput = (): UiInputNode =>
  inputNode('webauthn', 'webauthn_login', { type: 'hidden', value: '' });

export const webAuthnLoginTrigger = (options: string, label: UiText = loginWebAuthn()): UiInputNode =>
  inputNode('webauthn', 'webauthn_login_trigger', {
    type: 'button',
    value: options,
    onclick: `window.oryWebAuthnLogin(${options})`,
    onclickTrigger: 'oryWebAuthnLogin',
    label,
  });

/** The passwordless first step's submit (populateLoginMethodForPasswordless). */
export const webAuthnLoginMethod = (): UiInputNode =>
  submitNode('webauthn', 'method', 'webauthn', loginWebAuthn());

export const webAuthnRegisterInput = (): UiInputNode =>
  inputNode('webauthn', 'webauthn_register', { type: 'hidden', value: '' });

export const webAuthnDisplayNameInput = (value = ''): UiInputNode =>
  inputNode('webauthn', 'webauthn_register_displayname', {
    type: 'text',
    value,
    label: settingsWebAuthnDisplayName(),
  });

export const webAuthnRegisterTrigger = (
  options: string,
  label: UiText = registrationWebAuthn(),
): UiInputNode =>
  inputNode('webauthn', 'webauthn_register_trigger', {
    type: 'button',
    value: options,
    onclick: `window.oryWebAuthnRegistration(${options})`,
    onclickTrigger: 'oryWebAuthnRegistration',
    label,
  });

export const webAuthnSettingsTrigger = (options: string): UiInputNode =>
  webAuthnRegisterTrigger(options, settingsRegisterWebAuthn());

/** `webauthn_remove` with the hex credential id; disabled when removing it would lock the user out. */
export const webAuthnRemove = (c: StoredWebAuthnCredential, disabled: boolean): UiInputNode =>
  inputNode('webauthn', 'webauthn_remove', {
    type: 'submit',
    value: hexId(c),
    disabled,
    label: settingsRemoveWebAuthn(c.display_name || 'unnamed', new Date(c.added_at)),
  });
