// Passkeys and security keys in Chromium through the built-in UI, with the DevTools virtual authenticator
// standing in for the platform authenticator: sign up with a passkey, sign out, sign in with it; add a
// security key as the second factor in settings and pass the aal2 step with it. The pages run the served
// webauthn.js, so this is the script's real contract with Kratos's nodes.
import { expect, type Page, test } from '@playwright/test';
import { type JourneyServer, startJourneyServer } from './in-process';

let journeys: JourneyServer;
let publicUrl: string;

test.beforeAll(async () => {
  // WebAuthn needs a domain as relying party id: the browser talks to "localhost", never to an IP.
  journeys = await startJourneyServer({
    host: 'localhost',
    email: {
      credentials: {
        password: { identifier: true },
        webauthn: { identifier: true },
        passkey: { display_name: true },
      },
    },
    selfservice: (url) => {
      const rp = { id: 'localhost', display_name: 'Gatehouse e2e', origins: [url] };
      return {
        methods: {
          passkey: { enabled: true, config: { rp } },
          webauthn: { enabled: true, config: { passwordless: false, rp } },
        },
        flows: { registration: { after: { passkey: { hooks: [{ hook: 'session' }] } } } },
      };
    },
  });
  publicUrl = journeys.publicUrl;
});

test.afterAll(async () => {
  await journeys?.close();
});

/** A platform authenticator with resident keys and user verification, as a laptop's passkey store. */
async function virtualAuthenticator(page: Page): Promise<() => Promise<{ isResidentCredential: boolean }[]>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return async () => (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials;
}

const email = `passkey-${Date.now()}@example.com`;

test('sign up with a passkey, sign out, sign in with it; a security key as the second factor', async ({
  page,
}, testInfo) => {
  const credentials = await virtualAuthenticator(page);
  // A switch for passkey autofill, so the sign-in button can be tested on its own.
  // (Browser code as text: this file is type-checked without the DOM library.)
  await page.addInitScript({
    content: `(() => {
      const original = PublicKeyCredential.isConditionalMediationAvailable?.bind(PublicKeyCredential);
      PublicKeyCredential.isConditionalMediationAvailable = async () =>
        localStorage.getItem('e2e-conditional-mediation') !== 'off' && (original ? await original() : false);
    })();`,
  });

  await page.goto(`${publicUrl}/ui/registration`);
  await expect(page).toHaveURL(/\/ui\/registration\?flow=/);
  await page.getByLabel('E-Mail').fill(email);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page.getByText('Please choose a credential to authenticate yourself with.')).toBeVisible();
  await testInfo.attach('credential choice', {
    body: await page.screenshot({ fullPage: true }),
    contentType: 'image/png',
  });
  await page.getByRole('button', { name: 'Sign up with passkey' }).click();

  await expect(page).toHaveURL(/\/ui\/welcome/);
  await expect(page.getByText(email).first()).toBeVisible();
  expect((await credentials()).map((c) => c.isResidentCredential)).toEqual([true]);

  await page.getByRole('link', { name: /sign out/i }).click();
  await expect(page.getByText(email)).toHaveCount(0);

  // Passkey autofill: the login page starts a conditional request, which the virtual authenticator
  // answers at once, so the page signs in by itself.
  await page.goto(`${publicUrl}/ui/login`);
  await expect(page).toHaveURL(/\/ui\/welcome/);
  await expect(page.getByText(email).first()).toBeVisible();

  // A security key as the second factor, added in the account settings.
  await page.goto(`${publicUrl}/ui/settings`);
  await expect(page).toHaveURL(/\/ui\/settings\?flow=/);
  const keys = page.getByRole('region', { name: 'Security keys' });
  await keys.getByLabel('Name of the security key').fill('e2e key');
  await keys.getByRole('button', { name: 'Add security key' }).click();
  await expect(page.getByText('Your changes have been saved!')).toBeVisible();
  await expect(keys.getByRole('button', { name: 'Remove security key "e2e key"' })).toBeEnabled();
  // The only passkey is the only first factor: it cannot be removed.
  await expect(
    page.getByRole('region', { name: 'Passkeys' }).getByRole('button', { name: /Remove passkey/ }),
  ).toBeDisabled();
  expect(await credentials()).toHaveLength(2);
  await testInfo.attach('security key added', {
    body: await page.screenshot({ fullPage: true }),
    contentType: 'image/png',
  });

  // Signing in again, with the button this time, takes the passkey and then the security key.
  await page.context().clearCookies();
  await page.evaluate("localStorage.setItem('e2e-conditional-mediation', 'off')");
  await page.goto(`${publicUrl}/ui/login`);
  await expect(page).toHaveURL(/\/ui\/login\?flow=/);
  // The script is up and, with autofill switched off, no conditional request is waiting.
  await expect
    .poll(() =>
      page.evaluate('window.__oryWebAuthnInitialized === true && !window.abortPasskeyConditionalUI'),
    )
    .toBe(true);
  await page.getByRole('button', { name: 'Sign in with passkey' }).click();
  await testInfo.attach('signed in with a passkey', {
    body: await page.screenshot({ fullPage: true }),
    contentType: 'image/png',
  });
  await expect(page).toHaveURL(/\/ui\/login\?flow=/);
  await expect(page.getByRole('heading', { name: 'Two-factor authentication' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign in with a hardware key' }).click();
  await expect(page).toHaveURL(/\/ui\/welcome/);
  await expect(page.getByText(email).first()).toBeVisible();

  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name === 'ory_kratos_session');
  const whoami = await fetch(`${publicUrl}/sessions/whoami`, {
    headers: { cookie: `ory_kratos_session=${session?.value}`, accept: 'application/json' },
  });
  const body = (await whoami.json()) as {
    authenticator_assurance_level: string;
    authentication_methods: { method: string }[];
  };
  expect(body.authenticator_assurance_level).toBe('aal2');
  expect(body.authentication_methods.map((m) => m.method)).toEqual(['passkey', 'webauthn']);
});
