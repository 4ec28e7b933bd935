// Settings messages (text/message_settings.go, plus 4010004 from message_login.go).
import { goTimeJSON, goTimeString, goUnix } from './gofmt';
import { TextId as T } from './ids';
import { flowExpired } from './login';
import { error, info, success } from './message';
import type { UiText } from './message';

export const settingsFlowExpired = (expiredAt: Date, now: Date): UiText =>
  flowExpired(T.ErrorValidationSettingsFlowExpired, 'settings', expiredAt, now);

export const settingsTooManyAddressChanges = (): UiText =>
  error(
    T.ErrorValidationSettingsTooManyAddressChanges,
    'You can only change one address at a time. Please update each address separately.',
  );

export const settingsNoStrategyFound = (): UiText =>
  error(
    T.ErrorValidationSettingsNoStrategyFound,
    'Could not find a strategy to update your settings. Did you fill out the form correctly?',
  );

export const settingsSaved = (): UiText =>
  success(T.InfoSelfServiceSettingsUpdateSuccess, 'Your changes have been saved!');

export const settingsLinkOidc = (provider: string): UiText =>
  info(T.InfoSelfServiceSettingsUpdateLinkOidc, `Link ${provider}`, { provider });

export const settingsUnlinkOidc = (provider: string): UiText =>
  info(T.InfoSelfServiceSettingsUpdateUnlinkOidc, `Unlink ${provider}`, { provider });

export const settingsUnlinkTotp = (): UiText =>
  info(T.InfoSelfServiceSettingsUpdateUnlinkTOTP, 'Unlink TOTP Authenticator App');

export const settingsTotpQrCode = (): UiText =>
  info(T.InfoSelfServiceSettingsTOTPQRCode, 'Authenticator app QR code');

export const settingsTotpSecret = (secret: string): UiText =>
  info(T.InfoSelfServiceSettingsTOTPSecret, secret, { secret });

export const settingsTotpSecretLabel = (): UiText =>
  info(
    T.InfoSelfServiceSettingsTOTPSecretLabel,
    'This is your authenticator app secret. Use it if you can not scan the QR code.',
  );

export const settingsRevealLookup = (): UiText =>
  info(T.InfoSelfServiceSettingsRevealLookup, 'Reveal backup recovery codes');

export const settingsRegenerateLookup = (): UiText =>
  info(T.InfoSelfServiceSettingsRegenerateLookup, 'Generate new backup recovery codes');

export const settingsDisableLookup = (): UiText =>
  info(T.InfoSelfServiceSettingsDisableLookup, 'Disable this method');

export const settingsLookupConfirm = (): UiText =>
  info(T.InfoSelfServiceSettingsLookupConfirm, 'Confirm backup recovery codes');

export const settingsLookupSecret = (secret: string): UiText =>
  info(T.InfoSelfServiceSettingsLookupSecret, secret, { secret });

export const settingsLookupSecretUsed = (usedAt: Date): UiText =>
  info(T.InfoSelfServiceSettingsLookupSecretUsed, `Secret was used at ${goTimeString(usedAt)}`, {
    used_at: goTimeJSON(usedAt),
    used_at_unix: goUnix(usedAt),
  });

export interface LookupCode {
  code: string;
  /** When the code was used; null or undefined while it is still unused. */
  usedAt?: Date | null;
}

/**
 * 1050015, built like identity/credentials_lookup.go ToNode: the text lists the codes ("used" for used
 * ones) and the context carries one 1050009/1050014 message per code.
 */
export function settingsLookupSecretList(codes: readonly LookupCode[]): UiText {
  const messages = codes.map((c) =>
    c.usedAt ? settingsLookupSecretUsed(c.usedAt) : settingsLookupSecret(c.code),
  );
  const formatted = codes.map((c) => (c.usedAt ? 'used' : c.code));
  return info(T.InfoSelfServiceSettingsLookupSecretList, formatted.join(', '), { secrets: messages });
}

export const settingsLookupSecretsLabel = (): UiText =>
  info(
    T.InfoSelfServiceSettingsLookupSecretLabel,
    'These are your back up recovery codes. Please keep them in a safe place!',
  );

export const settingsRegisterWebAuthn = (): UiText =>
  info(T.InfoSelfServiceSettingsRegisterWebAuthn, 'Add security key');

export const settingsRegisterPasskey = (): UiText =>
  info(T.InfoSelfServiceSettingsRegisterPasskey, 'Add passkey');

export const settingsWebAuthnDisplayName = (): UiText =>
  info(T.InfoSelfServiceSettingsRegisterWebAuthnDisplayName, 'Name of the security key');

function removeKey(id: number, noun: string, displayName: string, addedAt: Date): UiText {
  return info(id, `Remove ${noun} "${displayName}"`, {
    display_name: displayName,
    added_at: goTimeJSON(addedAt),
    added_at_unix: goUnix(addedAt),
  });
}

export const settingsRemoveWebAuthn = (displayName: string, addedAt: Date): UiText =>
  removeKey(T.InfoSelfServiceSettingsRemoveWebAuthn, 'security key', displayName, addedAt);

export const settingsRemovePasskey = (displayName: string, addedAt: Date): UiText =>
  removeKey(T.InfoSelfServiceSettingsRemovePasskey, 'passkey', displayName, addedAt);

export const settingsManagedByOrganization = (): UiText =>
  info(
    T.InfoSelfServiceSettingsManagedByOrganization,
    'Your account is managed by your organization. To change these settings, contact your organization administrator.',
  );
