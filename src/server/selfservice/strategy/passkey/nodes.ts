// The passkey method's nodes (selfservice/strategy/passkey/nodes.go and the populate functions). API flows
// keep the `onclickTrigger`/`onloadTrigger` names but never get inline JavaScript.
import { loginPasskey } from '../../../text/login';
import { registrationPasskey } from '../../../text/registration';
import { settingsRegisterPasskey, settingsRemovePasskey } from '../../../text/settings';
import { inputNode } from '../../../ui/nodes';
import type { UiInputNode } from '../../../ui/types';
import { hexId, type StoredWebAuthnCredential } from '../webauthn/credentials';

export const passkeyChallenge = (options: string): UiInputNode =>
  inputNode('passkey', 'passkey_challenge', { type: 'hidden', value: options });

export const passkeyLoginInput = (browser: boolean, autocomplete = true): UiInputNode =>
  inputNode('passkey', 'passkey_login', {
    type: 'hidden',
    ...(autocomplete
      ? {
          onloadTrigger: 'oryPasskeyLoginAutocompleteInit' as const,
          ...(browser ? { onload: 'window.oryPasskeyLoginAutocompleteInit()' } : {}),
        }
      : {}),
  });

export const passkeyLoginTrigger = (browser: boolean): UiInputNode =>
  inputNode('passkey', 'passkey_login_trigger', {
    type: 'button',
    value: '',
    onclickTrigger: 'oryPasskeyLogin',
    ...(browser ? { onclick: 'window.oryPasskeyLogin()' } : {}),
    label: loginPasskey(),
  });

export const passkeyCreateData = (data: string): UiInputNode =>
  inputNode('passkey', 'passkey_create_data', { type: 'hidden', value: data });

export const passkeyRegisterInput = (): UiInputNode =>
  inputNode('passkey', 'passkey_register', { type: 'hidden' });

export const passkeyRegisterTrigger = (browser: boolean): UiInputNode =>
  inputNode('passkey', 'passkey_register_trigger', {
    type: 'button',
    onclickTrigger: 'oryPasskeyRegistration',
    ...(browser ? { onclick: 'window.oryPasskeyRegistration()' } : {}),
    label: registrationPasskey(),
  });

export const passkeySettingsTrigger = (browser: boolean): UiInputNode =>
  inputNode('passkey', 'passkey_register_trigger', {
    type: 'button',
    value: '',
    onclickTrigger: 'oryPasskeySettingsRegistration',
    ...(browser ? { onclick: 'window.oryPasskeySettingsRegistration()' } : {}),
    label: settingsRegisterPasskey(),
  });

export const passkeySettingsRegisterInput = (): UiInputNode =>
  inputNode('passkey', 'passkey_settings_register', { type: 'hidden' });

/** `passkey_remove` with the hex credential id; disabled when it is the last way to sign in. */
export const passkeyRemove = (c: StoredWebAuthnCredential, disabled: boolean): UiInputNode =>
  inputNode('passkey', 'passkey_remove', {
    type: 'submit',
    value: hexId(c),
    disabled,
    label: settingsRemovePasskey(c.display_name || 'unnamed', new Date(c.added_at)),
  });
