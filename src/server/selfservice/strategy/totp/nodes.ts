// The TOTP method's nodes (selfservice/strategy/totp/nodes.go and its login population).
import { loginTotp, loginTotpLabel } from '../../../text/login';
import { nodeLabelSave, nodeLabelVerifyCode } from '../../../text/node';
import {
  settingsTotpQrCode,
  settingsTotpSecret,
  settingsTotpSecretLabel,
  settingsUnlinkTotp,
} from '../../../text/settings';
import { imgNode, inputNode, submitNode, textNode } from '../../../ui/nodes';
import type { UiImageNode, UiInputNode, UiTextNode } from '../../../ui/types';
import { QR_IMAGE_SIZE } from './qr';

export const TOTP_CODE = 'totp_code';
export const TOTP_QR = 'totp_qr';
export const TOTP_SECRET_KEY = 'totp_secret_key';
export const TOTP_UNLINK = 'totp_unlink';

/** Second-factor login: the code field ("Authentication code"), value "" like Kratos sets it. */
export const loginCodeInput = (): UiInputNode =>
  inputNode('totp', TOTP_CODE, { type: 'text', value: '', required: true, label: loginTotpLabel() });

export const loginSubmit = (): UiInputNode => submitNode('totp', 'method', 'totp', loginTotp());

/** Settings, not set up yet: the code that proves the app was paired ("Verify code", no value). */
export const verifyCodeInput = (): UiInputNode =>
  inputNode('totp', TOTP_CODE, { type: 'text', required: true, label: nodeLabelVerifyCode() });

export const qrImage = (src: string): UiImageNode =>
  imgNode('totp', TOTP_QR, src, { width: QR_IMAGE_SIZE, height: QR_IMAGE_SIZE, label: settingsTotpQrCode() });

export const secretText = (secret: string): UiTextNode =>
  textNode('totp', TOTP_SECRET_KEY, settingsTotpSecret(secret), settingsTotpSecretLabel());

export const saveSubmit = (): UiInputNode => submitNode('totp', 'method', 'totp', nodeLabelSave());

/** Settings, set up: unlink (a required submit with value "true", as Kratos builds it). */
export const unlinkSubmit = (): UiInputNode =>
  inputNode('totp', TOTP_UNLINK, {
    type: 'submit',
    value: 'true',
    required: true,
    label: settingsUnlinkTotp(),
  });
