// /ui/welcome: who is signed in (GET /sessions/whoami), with links to settings and sign-out.
import type { Context } from 'hono';
import { markup, safeUrl } from './html';
import type { Html } from './html';
import { card, linkRow, page } from './layout';
import type { PageLink } from './layout';
import { logoutUrl } from './logout-link';
import { publicUrl, readJson } from './model';
import type { ErrorJson, UiPageDeps } from './model';
import { htmlResponse } from './respond';
import {
  ROUTE_UI_LOGIN,
  ROUTE_UI_RECOVERY,
  ROUTE_UI_REGISTRATION,
  ROUTE_UI_SETTINGS,
  ROUTE_UI_VERIFICATION,
} from './routes';

interface SessionJson {
  id?: string;
  authenticator_assurance_level?: string;
  authenticated_at?: string;
  expires_at?: string;
  authentication_methods?: { method?: string; aal?: string }[];
  identity?: {
    id?: string;
    schema_id?: string;
    traits?: unknown;
    verifiable_addresses?: { value?: string; verified?: boolean }[];
  };
}

function signedOut(deps: UiPageDeps): Html {
  const url = (route: string): string => publicUrl(deps.publicBaseURL(), route);
  return card(
    markup`<h1>Welcome</h1>
      <p class="lead">You are not signed in.</p>
      <div class="actions"><a class="button-link" href="${url(ROUTE_UI_LOGIN)}">Sign in</a></div>
      ${linkRow([
        { href: url(ROUTE_UI_REGISTRATION), text: 'Create an account' },
        { href: url(ROUTE_UI_RECOVERY), text: 'Recover your account' },
      ])}`,
  );
}

function sessionDetails(s: SessionJson): Html {
  const methods = (s.authentication_methods ?? []).map((m) => m.method ?? '?').join(', ');
  const addresses = (s.identity?.verifiable_addresses ?? []).map(
    (a) => `${a.value ?? ''}${a.verified ? ' (verified)' : ' (not verified)'}`,
  );
  return markup`<dl class="session">
      <dt>Identity</dt>
      <dd><code>${s.identity?.id ?? ''}</code></dd>
      <dt>Schema</dt>
      <dd>${s.identity?.schema_id ?? ''}</dd>
      <dt>Assurance</dt>
      <dd>${s.authenticator_assurance_level ?? ''}</dd>
      <dt>Methods</dt>
      <dd>${methods}</dd>
      ${
        addresses.length > 0
          ? markup`<dt>Addresses</dt>
              <dd>${addresses.join(', ')}</dd>`
          : ''
      }
      <dt>Signed in</dt>
      <dd>${s.authenticated_at ?? ''}</dd>
      <dt>Expires</dt>
      <dd>${s.expires_at ?? ''}</dd>
    </dl>
    <h2 style="margin-top:1.25rem">Traits</h2>
    <pre class="traits">${JSON.stringify(s.identity?.traits ?? {}, null, 2)}</pre>`;
}

export function welcomePageHandler(deps: UiPageDeps): (c: Context) => Promise<Response> {
  return async (c) => {
    const cookie = c.req.header('cookie') ?? '';
    const headers: Record<string, string> = { accept: 'application/json' };
    if (cookie) headers.cookie = cookie;
    const res = await deps.fetchPublic('/sessions/whoami', { headers });
    if (res.status === 403) {
      const body = await readJson<ErrorJson>(res);
      const next = safeUrl(body?.redirect_browser_to);
      const content = card(
        markup`<h1>One more step</h1>
          <p class="lead">${body?.error?.reason ?? 'Please complete the second authentication challenge.'}</p>
          ${next ? markup`<div class="actions"><a class="button-link" href="${next}">Continue</a></div>` : ''}`,
      );
      return htmlResponse(c, page({ title: 'Welcome', body: content }));
    }
    if (res.status !== 200) return htmlResponse(c, page({ title: 'Welcome', body: signedOut(deps) }));

    const session = (await readJson<SessionJson>(res)) ?? {};
    const logout = await logoutUrl(deps, cookie);
    const links: PageLink[] = [
      { href: publicUrl(deps.publicBaseURL(), ROUTE_UI_SETTINGS), text: 'Account settings' },
      { href: publicUrl(deps.publicBaseURL(), ROUTE_UI_VERIFICATION), text: 'Verify an address' },
    ];
    if (logout) links.push({ href: logout, text: 'Sign out' });
    const content = card(
      markup`<h1>Welcome</h1>
        <p class="lead">You are signed in.</p>
        ${sessionDetails(session)}${linkRow(links)}`,
    );
    return htmlResponse(c, page({ title: 'Welcome', body: content }));
  };
}
