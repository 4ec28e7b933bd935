// The built-in self-service UI on the public port: server-rendered pages for every flow, working without
// JavaScript, like kratos-selfservice-ui-node but built in.
export {
  ROUTE_UI_ERROR,
  ROUTE_UI_LOGIN,
  ROUTE_UI_RECOVERY,
  ROUTE_UI_REGISTRATION,
  ROUTE_UI_ROOT,
  ROUTE_UI_SETTINGS,
  ROUTE_UI_VERIFICATION,
  ROUTE_UI_WELCOME,
} from './routes';

import type { Context } from 'hono';
import { recoveryPage, settingsPage, verificationPage } from './account-pages';
import { errorPageHandler } from './error-page';
import { flowPageHandler } from './flow-page';
import { loginPage, registrationPage } from './login-page';
import { publicUrl } from './model';
import type { UiPageDeps } from './model';
import { seeOther } from './respond';
import { welcomePageHandler } from './welcome-page';
import { ROUTE_UI_WELCOME } from './routes';

export type { UiPageDeps } from './model';

export type UiPageHandler = (c: Context) => Response | Promise<Response>;

export type UiPageName =
  'root' | 'login' | 'registration' | 'settings' | 'recovery' | 'verification' | 'error' | 'welcome';

export function uiPageHandlers(deps: UiPageDeps): Record<UiPageName, UiPageHandler> {
  return {
    root: (c) => seeOther(c, publicUrl(deps.publicBaseURL(), ROUTE_UI_WELCOME)),
    login: flowPageHandler(deps, loginPage),
    registration: flowPageHandler(deps, registrationPage),
    settings: flowPageHandler(deps, settingsPage),
    recovery: flowPageHandler(deps, recoveryPage),
    verification: flowPageHandler(deps, verificationPage),
    error: errorPageHandler(deps),
    welcome: welcomePageHandler(deps),
  };
}
