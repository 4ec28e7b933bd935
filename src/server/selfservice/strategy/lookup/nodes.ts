// The lookup_secret method's nodes (selfservice/strategy/lookup/nodes.go and its login population).
import { loginLookup, loginLookupLabel } from '../../../text/login';
import {
  settingsDisableLookup,
  settingsLookupConfirm,
  settingsRegenerateLookup,
  settingsRevealLookup,
} from '../../../text/settings';
import { inputNode, submitNode } from '../../../ui/nodes';
import type { UiInputNode } from '../../../ui/types';

export const LOOKUP_SECRET = 'lookup_secret';
export const LOOKUP_REVEAL = 'lookup_secret_reveal';
export const LOOKUP_REGENERATE = 'lookup_secret_regenerate';
export const LOOKUP_DISABLE = 'lookup_secret_disable';
export const LOOKUP_CODES = 'lookup_secret_codes';
export const LOOKUP_CONFIRM = 'lookup_secret_confirm';

/** Every settings node of the method (Kratos's allSettingsNodes), removed before a new set is shown. */
export const ALL_SETTINGS_NODES = [
  LOOKUP_REGENERATE,
  LOOKUP_REVEAL,
  LOOKUP_DISABLE,
  LOOKUP_CODES,
  LOOKUP_CONFIRM,
];

export const loginCodeInput = (): UiInputNode =>
  inputNode('lookup_secret', LOOKUP_SECRET, {
    type: 'text',
    value: '',
    required: true,
    label: loginLookupLabel(),
  });

export const loginSubmit = (): UiInputNode =>
  submitNode('lookup_secret', 'method', 'lookup_secret', loginLookup());

const flagButton = (name: string, label: ReturnType<typeof loginLookup>): UiInputNode =>
  submitNode('lookup_secret', name, 'true', label);

export const revealButton = (): UiInputNode => flagButton(LOOKUP_REVEAL, settingsRevealLookup());
export const regenerateButton = (): UiInputNode => flagButton(LOOKUP_REGENERATE, settingsRegenerateLookup());
export const disableButton = (): UiInputNode => flagButton(LOOKUP_DISABLE, settingsDisableLookup());
export const confirmButton = (): UiInputNode => flagButton(LOOKUP_CONFIRM, settingsLookupConfirm());
