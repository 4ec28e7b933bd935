// /ui/settings, /ui/recovery and /ui/verification.
import type { UiNodeGroup } from '../../ui/types';
import { formsPerGroup, singleForm } from './forms';
import type { FlowPage } from './flow-page';
import { markup, join } from './html';
import { ROUTE_UI_LOGIN, ROUTE_UI_WELCOME } from './routes';

const GROUP_HEADINGS: Partial<Record<UiNodeGroup, string>> = {
  profile: 'Profile',
  password: 'Password',
  oidc: 'Social sign-in',
  lookup_secret: 'Backup recovery codes',
  webauthn: 'Security keys',
  passkey: 'Passkeys',
  totp: 'Authenticator app',
  code: 'Sign-in codes',
};

export const settingsPage: FlowPage = {
  kind: 'settings',
  view(flow, ctx) {
    const sections = formsPerGroup(flow.ui).map(
      ({ group, form }) =>
        markup`<section class="group" aria-labelledby="${`settings-${group}`}">
          <h2 id="${`settings-${group}`}">${GROUP_HEADINGS[group] ?? group}</h2>
          ${form}
        </section>`,
    );
    return {
      title: 'Account settings',
      body: join(sections),
      links: [{ href: ctx.pageUrl(ROUTE_UI_WELCOME), text: 'Back to your account' }],
    };
  },
};

export const recoveryPage: FlowPage = {
  kind: 'recovery',
  view(flow, ctx) {
    return {
      title: 'Recover your account',
      lead:
        flow.state === 'choose_method'
          ? `Enter the email address of your account to receive a ${flow.active === 'link' ? 'recovery link' : 'code'}.`
          : undefined,
      body: singleForm(flow.ui),
      links: [{ href: ctx.pageUrl(ROUTE_UI_LOGIN, { return_to: flow.return_to }), text: 'Back to sign in' }],
    };
  },
};

export const verificationPage: FlowPage = {
  kind: 'verification',
  view(flow, ctx) {
    return {
      title: 'Verify your account',
      lead:
        flow.state === 'choose_method'
          ? `Enter your email address to receive a ${flow.active === 'link' ? 'verification link' : 'verification code'}.`
          : undefined,
      body: singleForm(flow.ui),
      links: [{ href: ctx.pageUrl(ROUTE_UI_WELCOME), text: 'Go to the start page' }],
    };
  },
};
