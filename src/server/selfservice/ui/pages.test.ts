// The built-in pages rendered from Kratos-shaped flows through a fake public API.
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import {
  ROUTE_UI_ERROR,
  ROUTE_UI_LOGIN,
  ROUTE_UI_RECOVERY,
  ROUTE_UI_REGISTRATION,
  ROUTE_UI_ROOT,
  ROUTE_UI_SETTINGS,
  ROUTE_UI_VERIFICATION,
  ROUTE_UI_WELCOME,
  uiPageHandlers,
} from './handler';
import type { FlowJson } from './model';
import {
  XSS,
  hostileFlow,
  loginFlow,
  recoveryCodeFlow,
  registrationStep1,
  registrationStep2,
  settingsFlow,
  verificationSuccessFlow,
} from './testdata/flows';

type Reply = { status: number; body: unknown };

function setup(routes: Record<string, Reply>): {
  app: Hono;
  calls: { path: string; headers: Record<string, string> }[];
} {
  const calls: { path: string; headers: Record<string, string> }[] = [];
  const handlers = uiPageHandlers({
    publicBaseURL: () => new URL('http://127.0.0.1:4433/'),
    fetchPublic: async (path, init) => {
      calls.push({ path, headers: init.headers });
      const reply = routes[path] ?? { status: 404, body: { error: { code: 404, message: 'not found' } } };
      return new Response(JSON.stringify(reply.body), {
        status: reply.status,
        headers: { 'content-type': 'application/json' },
      });
    },
  });
  const app = new Hono();
  app.get(ROUTE_UI_ROOT, handlers.root);
  app.get(ROUTE_UI_LOGIN, handlers.login);
  app.get(ROUTE_UI_REGISTRATION, handlers.registration);
  app.get(ROUTE_UI_SETTINGS, handlers.settings);
  app.get(ROUTE_UI_RECOVERY, handlers.recovery);
  app.get(ROUTE_UI_VERIFICATION, handlers.verification);
  app.get(ROUTE_UI_ERROR, handlers.error);
  app.get(ROUTE_UI_WELCOME, handlers.welcome);
  return { app, calls };
}

const flowRoute = (kind: string, f: FlowJson): Record<string, Reply> => ({
  [`/self-service/${kind}/flows?id=${f.id}`]: { status: 200, body: f },
});

async function get(
  app: Hono,
  path: string,
  cookie = 'csrf_token_abc=xyz',
): Promise<{ status: number; body: string; res: Response }> {
  const res = await app.request(path, { headers: { cookie } });
  return { status: res.status, body: await res.text(), res };
}

describe('starting flows', () => {
  it('redirects to the browser init endpoint, carrying return_to, refresh and aal', async () => {
    const { app } = setup({});
    const res = await app.request(
      '/ui/login?return_to=http%3A%2F%2Flocalhost%3A3000%2F&refresh=true&aal=aal2',
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(
      'http://127.0.0.1:4433/self-service/login/browser?return_to=http%3A%2F%2Flocalhost%3A3000%2F&refresh=true&aal=aal2',
    );
    for (const kind of ['registration', 'settings', 'recovery', 'verification']) {
      const r = await app.request(`/ui/${kind}`);
      expect(r.status).toBe(303);
      expect(r.headers.get('location')).toBe(`http://127.0.0.1:4433/self-service/${kind}/browser`);
    }
  });

  it('sends / to the welcome page', async () => {
    const { app } = setup({});
    const res = await app.request('/');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('http://127.0.0.1:4433/ui/welcome');
  });

  it('restarts expired, unknown and session-less flows', async () => {
    const { app } = setup({
      '/self-service/login/flows?id=old': {
        status: 410,
        body: { error: { code: 410, id: 'self_service_flow_expired' } },
      },
      '/self-service/settings/flows?id=s': {
        status: 401,
        body: { error: { code: 401, id: 'session_inactive' } },
      },
    });
    const expired = await app.request('/ui/login?flow=old&return_to=http%3A%2F%2Fa%2F');
    expect(expired.status).toBe(303);
    expect(expired.headers.get('location')).toBe(
      'http://127.0.0.1:4433/self-service/login/browser?return_to=http%3A%2F%2Fa%2F',
    );
    const unknown = await app.request('/ui/recovery?flow=nope');
    expect(unknown.headers.get('location')).toBe('http://127.0.0.1:4433/self-service/recovery/browser');
    const noSession = await app.request('/ui/settings?flow=s');
    expect(noSession.headers.get('location')).toBe('http://127.0.0.1:4433/self-service/settings/browser');
  });

  it('follows redirect_browser_to on 403 and shows CSRF problems instead of looping', async () => {
    const { app } = setup({
      '/self-service/settings/flows?id=aal': {
        status: 403,
        body: {
          error: { code: 403, id: 'session_aal2_required' },
          redirect_browser_to: 'http://127.0.0.1:4433/self-service/login/browser?aal=aal2',
        },
      },
      '/self-service/login/flows?id=csrf': {
        status: 403,
        body: {
          error: {
            code: 403,
            status: 'Forbidden',
            id: 'security_csrf_violation',
            reason: 'The HTTP Cookie Header was set and a CSRF token was sent but they do not match.',
            message: 'the request was rejected to protect you from Cross-Site-Request-Forgery',
          },
        },
      },
    });
    const aal = await app.request('/ui/settings?flow=aal');
    expect(aal.headers.get('location')).toBe('http://127.0.0.1:4433/self-service/login/browser?aal=aal2');
    const csrf = await get(app, '/ui/login?flow=csrf');
    expect(csrf.status).toBe(400);
    expect(csrf.body).toContain('they do not match');
    expect(csrf.body).toContain('security_csrf_violation');
    expect(csrf.body).toContain('href="http://127.0.0.1:4433/self-service/login/browser"');
  });
});

describe('login page', () => {
  it('fetches the flow with the browser cookie and renders one form', async () => {
    const { app, calls } = setup(flowRoute('login', loginFlow));
    const { status, body, res } = await get(app, '/ui/login?flow=login-1');
    expect(status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('cache-control')).toContain('no-store');
    expect(calls[0]).toEqual({
      path: '/self-service/login/flows?id=login-1',
      headers: { accept: 'application/json', cookie: 'csrf_token_abc=xyz' },
    });
    expect(body.match(/<form /g)).toHaveLength(1);
    expect(body).toContain(
      '<form action="http://127.0.0.1:4433/self-service/login?flow=login-1" method="post">',
    );
    expect(body).toContain('<input type="hidden" name="csrf_token" value="csrf-token-value">');
    expect(body).toMatch(
      /<label for="ui-1-identifier">ID<\/label><input id="ui-1-identifier" name="identifier" required type="text" value="&quot;&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;">/,
    );
    expect(body).toMatch(
      /<input id="ui-2-password" name="password" required type="password" autocomplete="current-password">/,
    );
    expect(body).toContain(
      '<button type="submit" name="method" value="password" data-testid="ui/node/password/method">Sign in with password</button>',
    );
    // the code button must not be blocked by the required password field
    expect(body).toContain('name="method" value="code" formnovalidate');
    expect(body).toContain('data-testid="ui/message/4000006"');
    expect(body).toContain('The provided credentials are invalid');
    expect(body).not.toContain('<script');
    expect(body).toContain(
      'href="http://127.0.0.1:4433/ui/registration?return_to=http%3A%2F%2Flocalhost%3A3000%2Fapp"',
    );
    expect(body).toContain(
      'href="http://127.0.0.1:4433/ui/recovery?return_to=http%3A%2F%2Flocalhost%3A3000%2Fapp"',
    );
  });

  it('offers sign-out instead of sign-up on refresh and second-factor flows', async () => {
    const aal2 = { ...loginFlow, id: 'aal2', requested_aal: 'aal2' };
    const { app } = setup({
      ...flowRoute('login', aal2),
      '/self-service/logout/browser': {
        status: 200,
        body: {
          logout_url: 'http://127.0.0.1:4433/self-service/logout?token=ory_lo_x',
          logout_token: 'ory_lo_x',
        },
      },
    });
    const { body } = await get(app, '/ui/login?flow=aal2');
    expect(body).toContain('<h1>Two-factor authentication</h1>');
    expect(body).toContain('href="http://127.0.0.1:4433/self-service/logout?token=ory_lo_x">Sign out</a>');
    expect(body).not.toContain('Create an account');
  });
});

describe('registration page (two steps)', () => {
  it('step 1: traits with errors, checkbox, select, social sign-up', async () => {
    const { app } = setup(flowRoute('registration', registrationStep1));
    const { body } = await get(app, '/ui/registration?flow=reg-1');
    expect(body).toContain('<label for="ui-1-traits_email">E-Mail</label>');
    expect(body).toContain('aria-invalid="true" aria-describedby="ui-1-traits_email-messages"');
    expect(body).toContain(
      '<ul class="node-messages" id="ui-1-traits_email-messages"><li class="error" data-testid="ui/message/4000040">Enter a valid email address</li></ul>',
    );
    expect(body).toContain(
      'type="checkbox" value="true" checked><label for="ui-2-traits_tos">Accept terms</label>',
    );
    expect(body).toContain(
      '<select id="ui-3-traits_plan" name="traits.plan"><option value=""></option><option value="free">free</option><option value="pro" selected>pro</option></select>',
    );
    expect(body).toContain(
      'name="provider" value="github" formnovalidate data-testid="ui/node/oidc/provider">Sign up with GitHub</button>',
    );
    expect(body).toContain('href="http://127.0.0.1:4433/ui/login">Already have an account? Sign in</a>');
  });

  it('step 2: hidden traits, credential choice and a back button', async () => {
    const { app } = setup(flowRoute('registration', registrationStep2));
    const { body } = await get(app, '/ui/registration?flow=reg-1');
    expect(body).toContain('<input type="hidden" name="traits.email" value="a@b.c">');
    expect(body).toContain('data-testid="ui/message/1040009"');
    expect(body).toContain('name="screen" value="previous" formnovalidate');
    expect(body).toContain('name="method" value="code" formnovalidate');
    expect(body).toContain(
      '<button type="submit" name="method" value="password" data-testid="ui/node/password/method">Sign up</button>',
    );
  });
});

describe('settings page', () => {
  it('renders one form per method group with TOTP, lookup codes and WebAuthn', async () => {
    const { app } = setup(flowRoute('settings', settingsFlow));
    const { body, res } = await get(app, '/ui/settings?flow=settings-1');
    expect(body.match(/<form /g)).toHaveLength(5);
    expect(body.match(/name="csrf_token"/g)).toHaveLength(5);
    for (const heading of [
      'Profile',
      'Password',
      'Backup recovery codes',
      'Security keys',
      'Authenticator app',
    ]) {
      expect(body).toContain(`>${heading}</h2>`);
    }
    expect(body).toContain('data-testid="ui/message/1050001"');
    expect(body).toContain(
      '<img class="qr" src="data:image/png;base64,iVBORw0KGgo=" alt="Authenticator app QR code" width="256" height="256">',
    );
    expect(body).toContain('<div class="code">JBSWY3DPEHPK3PXP</div>');
    expect(body).toContain(
      '<ul class="codes"><li>abcd1234</li><li class="used" title="Secret was used at 2024-01-01 00:00:00 +0000 UTC">used</li></ul>',
    );
    expect(body).toContain(
      '<script src="http://127.0.0.1:4433/.well-known/ory/webauthn.js" type="text/javascript" async integrity="sha512-abc" crossorigin="anonymous" referrerpolicy="no-referrer" nonce="nonce-1" id="webauthn_script"></script>',
    );
    expect(body).toContain(
      'onclick="window.oryWebAuthnRegistration &amp;&amp; window.oryWebAuthnRegistration()"',
    );
    expect(res.headers.get('content-security-policy')).toContain(
      "script-src http://127.0.0.1:4433 'unsafe-inline'",
    );
    expect(body).toContain(
      'value="true" formnovalidate data-testid="ui/node/lookup_secret/lookup_secret_confirm">Confirm backup recovery codes',
    );
  });
});

describe('recovery and verification pages', () => {
  it('recovery code step: code input and a resend button that skips validation', async () => {
    const { app } = setup(flowRoute('recovery', recoveryCodeFlow));
    const { body } = await get(app, '/ui/recovery?flow=rec-1');
    expect(body).toContain('data-testid="ui/message/1060003"');
    expect(body).toContain(
      'name="code" required type="text" autocomplete="one-time-code" pattern="[0-9]+" maxlength="6"',
    );
    expect(body).toContain('<input type="hidden" name="method" value="code">');
    expect(body).toContain('name="email" value="test@ory.sh" formnovalidate');
    expect(body).toContain('href="http://127.0.0.1:4433/ui/login">Back to sign in</a>');
    expect(body).not.toContain('<script');
  });

  it('verification success: a continue link and no form', async () => {
    const { app } = setup(flowRoute('verification', verificationSuccessFlow));
    const { body } = await get(app, '/ui/verification?flow=ver-1');
    expect(body).toContain('class="message success" role="status" data-testid="ui/message/1080002"');
    expect(body).toContain(
      '<a class="button-link" href="http://localhost:3000/welcome" id="continue">Continue</a>',
    );
    expect(body).not.toContain('<form');
  });
});

describe('escaping and unsafe URLs', () => {
  it('never renders javascript: links, SVG data images, foreign scripts or raw markup', async () => {
    const { app } = setup(flowRoute('login', hostileFlow));
    const { body, res } = await get(app, '/ui/login?flow=evil-1');
    expect(body).not.toMatch(/href="\s*javascript:/i);
    expect(body).not.toContain('JaVa');
    expect(body).not.toContain('data:image/svg');
    expect(body).not.toContain('<script');
    expect(body).not.toContain('<img src=x');
    expect(body).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(body).toContain('&lt;/textarea&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(body).toContain('&lt;b&gt;Name&lt;/b&gt;');
    expect(body).toContain('value="&quot;onmouseover=&quot;alert(3)"');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'none'");
  });

  it('refuses a javascript: form action', async () => {
    const evil = { ...loginFlow, id: 'evil-2', ui: { ...loginFlow.ui, action: 'javascript:alert(1)' } };
    const { app } = setup(flowRoute('login', evil));
    const { body } = await get(app, '/ui/login?flow=evil-2');
    expect(body).not.toContain('<form');
    expect(body).not.toContain('javascript:');
    expect(body).toContain('This flow has no valid form action.');
  });

  it('escapes the identifier value', () => {
    expect(XSS).toContain('<script>');
  });
});

describe('error page', () => {
  it('shows the stored error', async () => {
    const { app, calls } = setup({
      '/self-service/errors?id=e1': {
        status: 200,
        body: {
          id: 'e1',
          error: {
            code: 500,
            status: 'Internal Server Error',
            reason: 'Something <broke>',
            message: 'An internal server error occurred',
          },
        },
      },
    });
    const { status, body } = await get(app, '/ui/error?id=e1');
    expect(status).toBe(200);
    expect(calls[0]?.path).toBe('/self-service/errors?id=e1');
    expect(body).toContain('Something &lt;broke&gt;');
    expect(body).toContain('500 Internal Server Error');
    expect(body).not.toContain('<script');
  });

  it('says when the error is unknown', async () => {
    const { app } = setup({});
    const { status, body } = await get(app, '/ui/error?id=missing');
    expect(status).toBe(404);
    expect(body).toContain('This error no longer exists');
  });
});

describe('welcome page', () => {
  it('shows the session with settings and sign-out links', async () => {
    const { app, calls } = setup({
      '/sessions/whoami': {
        status: 200,
        body: {
          id: 's1',
          authenticator_assurance_level: 'aal1',
          authentication_methods: [{ method: 'password', aal: 'aal1' }],
          expires_at: '2030-01-01T00:00:00Z',
          identity: {
            id: 'i1',
            schema_id: 'default',
            traits: { email: 'a@b.c', name: '<script>x</script>' },
            verifiable_addresses: [{ value: 'a@b.c', verified: false }],
          },
        },
      },
      '/self-service/logout/browser': {
        status: 200,
        body: {
          logout_url: 'http://127.0.0.1:4433/self-service/logout?token=ory_lo_y',
          logout_token: 'ory_lo_y',
        },
      },
    });
    const { body } = await get(app, '/ui/welcome', 'ory_kratos_session=abc');
    expect(calls.map((c) => c.headers.cookie)).toEqual(['ory_kratos_session=abc', 'ory_kratos_session=abc']);
    expect(body).toContain('&quot;email&quot;: &quot;a@b.c&quot;');
    expect(body).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(body).toContain('a@b.c (not verified)');
    expect(body).toContain('href="http://127.0.0.1:4433/ui/settings">Account settings</a>');
    expect(body).toContain('href="http://127.0.0.1:4433/self-service/logout?token=ory_lo_y">Sign out</a>');
    expect(body).not.toContain('<script');
  });

  it('offers sign-in when there is no session', async () => {
    const { app } = setup({ '/sessions/whoami': { status: 401, body: { error: { code: 401 } } } });
    const { body } = await get(app, '/ui/welcome', '');
    expect(body).toContain('You are not signed in.');
    expect(body).toContain('href="http://127.0.0.1:4433/ui/login">Sign in</a>');
    expect(body).toContain('href="http://127.0.0.1:4433/ui/registration">Create an account</a>');
  });
});
