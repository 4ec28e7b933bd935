// Kratos-shaped flows for the page tests, built with the same node builders the server uses.
import * as t from '../../../text';
import { aNode, csrfNode, imgNode, inputNode, scriptNode, submitNode, textNode } from '../../../ui/nodes';
import type { UiContainer } from '../../../ui/types';
import type { FlowJson } from '../model';

const PUBLIC = 'http://127.0.0.1:4433';
const action = (flow: string, id: string): string => `${PUBLIC}/self-service/${flow}?flow=${id}`;

export const XSS = '"><script>alert(1)</script>';

function flow(id: string, ui: UiContainer, extra: Partial<FlowJson> = {}): FlowJson {
  return { id, type: 'browser', state: 'choose_method', ui, ...extra };
}

export const loginFlow = flow(
  'login-1',
  {
    action: action('login', 'login-1'),
    method: 'POST',
    messages: [t.invalidCredentials()],
    nodes: [
      csrfNode('csrf-token-value'),
      inputNode('default', 'identifier', { value: XSS, required: true, label: t.nodeLabelId() }),
      inputNode('password', 'password', {
        type: 'password',
        required: true,
        autocomplete: 'current-password',
        label: t.nodeLabelPassword(),
      }),
      submitNode('password', 'method', 'password', t.loginPassword()),
      submitNode('code', 'method', 'code', t.loginSendCode()),
    ],
  },
  { return_to: 'http://localhost:3000/app' },
);

export const registrationStep1 = flow('reg-1', {
  action: action('registration', 'reg-1'),
  method: 'POST',
  nodes: [
    csrfNode('tok'),
    inputNode('default', 'traits.email', {
      type: 'email',
      required: true,
      autocomplete: 'email',
      label: t.nodeLabelFromTitle('E-Mail', 'traits.email'),
      messages: [t.validationEmail('nope')],
      value: 'nope',
    }),
    inputNode('default', 'traits.tos', {
      type: 'checkbox',
      value: true,
      label: t.nodeLabelFromTitle('Accept terms', 'traits.tos'),
    }),
    inputNode('default', 'traits.plan', {
      options: [{ value: 'free' }, { value: 'pro' }],
      value: 'pro',
      label: t.nodeLabelFromTitle('Plan', 'traits.plan'),
    }),
    submitNode('oidc', 'provider', 'github', t.registrationWith('GitHub', 'github')),
    submitNode('profile', 'method', 'profile', t.registrationSignUp()),
  ],
});

export const registrationStep2 = flow('reg-1', {
  action: action('registration', 'reg-1'),
  method: 'POST',
  messages: [t.registrationChooseCredentials()],
  nodes: [
    csrfNode('tok'),
    inputNode('default', 'traits.email', { type: 'hidden', value: 'a@b.c' }),
    inputNode('password', 'password', {
      type: 'password',
      required: true,
      autocomplete: 'new-password',
      label: t.nodeLabelPassword(),
    }),
    submitNode('password', 'method', 'password', t.registrationSignUp()),
    submitNode('code', 'method', 'code', t.registrationSendCode()),
    submitNode('profile', 'screen', 'previous', t.registrationBack()),
  ],
});

export const settingsFlow = flow(
  'settings-1',
  {
    action: action('settings', 'settings-1'),
    method: 'POST',
    messages: [t.settingsSaved()],
    nodes: [
      csrfNode('tok'),
      inputNode('profile', 'traits.email', {
        type: 'email',
        value: 'a@b.c',
        label: t.nodeLabelFromTitle('E-Mail', 'traits.email'),
      }),
      submitNode('profile', 'method', 'profile', t.nodeLabelSave()),
      inputNode('password', 'password', {
        type: 'password',
        required: true,
        autocomplete: 'new-password',
        label: t.nodeLabelPassword(),
      }),
      submitNode('password', 'method', 'password', t.nodeLabelSave()),
      textNode(
        'lookup_secret',
        'lookup_secret_codes',
        t.settingsLookupSecretList([
          { code: 'abcd1234' },
          { code: 'zzzz', usedAt: new Date('2024-01-01T00:00:00Z') },
        ]),
        t.settingsLookupSecretsLabel(),
      ),
      submitNode('lookup_secret', 'lookup_secret_confirm', 'true', t.settingsLookupConfirm()),
      inputNode('webauthn', 'webauthn_register_displayname', {
        value: '',
        label: t.settingsWebAuthnDisplayName(),
      }),
      inputNode('webauthn', 'webauthn_register', { type: 'hidden', value: '' }),
      inputNode('webauthn', 'webauthn_register_trigger', {
        type: 'button',
        value: '{"publicKey":{}}',
        onclickTrigger: 'oryWebAuthnRegistration',
        label: t.settingsRegisterWebAuthn(),
      }),
      scriptNode('webauthn', 'webauthn_script', `${PUBLIC}/.well-known/ory/webauthn.js`, {
        integrity: 'sha512-abc',
        nonce: 'nonce-1',
      }),
      imgNode('totp', 'totp_qr', 'data:image/png;base64,iVBORw0KGgo=', {
        width: 256,
        height: 256,
        label: t.settingsTotpQrCode(),
      }),
      textNode(
        'totp',
        'totp_secret_key',
        t.settingsTotpSecret('JBSWY3DPEHPK3PXP'),
        t.settingsTotpSecretLabel(),
      ),
      inputNode('totp', 'totp_code', { required: true, label: t.nodeLabelVerifyCode() }),
      submitNode('totp', 'method', 'totp', t.nodeLabelSave()),
    ],
  },
  { state: 'success' },
);

export const recoveryCodeFlow = flow(
  'rec-1',
  {
    action: action('recovery', 'rec-1'),
    method: 'POST',
    messages: [t.recoveryEmailWithCodeSent()],
    nodes: [
      csrfNode('tok'),
      inputNode('code', 'code', {
        required: true,
        autocomplete: 'one-time-code',
        pattern: '[0-9]+',
        maxlength: 6,
        label: t.nodeLabelRecoveryCode(),
      }),
      inputNode('code', 'method', { type: 'hidden', value: 'code' }),
      submitNode('code', 'method', 'code', t.nodeLabelContinue()),
      submitNode('code', 'email', 'test@ory.sh', t.nodeLabelResendCode()),
    ],
  },
  { state: 'sent_email' },
);

export const verificationSuccessFlow = flow(
  'ver-1',
  {
    action: 'http://localhost:3000/welcome',
    method: 'GET',
    messages: [t.verificationSuccessful()],
    nodes: [aNode('code', 'continue', 'http://localhost:3000/welcome', t.nodeLabelContinue())],
  },
  { state: 'passed_challenge' },
);

export const hostileFlow = flow('evil-1', {
  action: action('login', 'evil-1'),
  method: 'POST',
  messages: [{ id: 4000001, text: '<img src=x onerror=alert(1)>', type: 'error' }],
  nodes: [
    aNode('code', 'continue', 'javascript:alert(1)', t.nodeLabelContinue()),
    aNode('code', 'tricky', ' JaVa\tScRiPt:alert(1)', t.nodeLabelContinue()),
    imgNode('totp', 'totp_qr', 'data:image/svg+xml;base64,PHN2Zz4=', { width: 1, height: 1 }),
    scriptNode('default', 'rogue', 'https://evil.example/x.js'),
    inputNode('default', 'traits.name', {
      value: '</textarea><script>alert(2)</script>',
      label: { id: 1070002, text: '<b>Name</b>', type: 'info' },
    }),
    submitNode('default', 'method', '"onmouseover="alert(3)', t.nodeLabelSave()),
  ],
});
