// /ui/login and /ui/registration: the sign-in and sign-up flows.
import { singleForm } from './forms';
import type { FlowPage } from './flow-page';
import type { PageLink } from './layout';
import { logoutUrl } from './logout-link';
import { ROUTE_UI_LOGIN, ROUTE_UI_RECOVERY, ROUTE_UI_REGISTRATION } from './routes';

export const loginPage: FlowPage = {
  kind: 'login',
  async view(flow, ctx) {
    const stepUp = flow.refresh === true || flow.requested_aal === 'aal2';
    const links: PageLink[] = [];
    if (stepUp) {
      const logout = await logoutUrl(ctx.deps, ctx.cookie);
      if (logout) links.push({ href: logout, text: 'Sign out' });
    } else {
      links.push({
        href: ctx.pageUrl(ROUTE_UI_REGISTRATION, { return_to: flow.return_to }),
        text: 'Create an account',
      });
      if (ctx.deps.recoveryEnabled?.() ?? true) {
        links.push({
          href: ctx.pageUrl(ROUTE_UI_RECOVERY, { return_to: flow.return_to }),
          text: 'Forgot your password?',
        });
      }
    }
    const title = flow.refresh
      ? 'Confirm it’s you'
      : flow.requested_aal === 'aal2'
        ? 'Two-factor authentication'
        : 'Sign in';
    return { title, body: singleForm(flow.ui), links };
  },
};

export const registrationPage: FlowPage = {
  kind: 'registration',
  view(flow, ctx) {
    return {
      title: 'Create your account',
      body: singleForm(flow.ui),
      links: [
        {
          href: ctx.pageUrl(ROUTE_UI_LOGIN, { return_to: flow.return_to }),
          text: 'Already have an account? Sign in',
        },
      ],
    };
  },
};
