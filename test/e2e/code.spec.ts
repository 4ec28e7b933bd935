// Passwordless sign-up and sign-in by one-time code through the built-in UI in Chromium: the codes are
// read from Gatehouse's mail sink with the `mailhog` client, as a developer's own e2e suite would.
import { expect, test } from '@playwright/test';
import { type JourneyServer, startJourneyServer } from './in-process';

let journeys: JourneyServer;
let publicUrl: string;
const nextCode = (to: string): Promise<string> => journeys.nextCode(to);

test.beforeAll(async () => {
  journeys = await startJourneyServer({
    email: {
      credentials: { password: { identifier: true }, code: { identifier: true, via: 'email' } },
      verification: { via: 'email' },
    },
    selfservice: () => ({
      methods: { code: { passwordless_enabled: true } },
      flows: { registration: { after: { code: { hooks: [{ hook: 'session' }] } } } },
    }),
  });
  publicUrl = journeys.publicUrl;
});

test.afterAll(async () => {
  await journeys?.close();
});

const email = `code-e2e-${Date.now()}@example.com`;

test('sign up by code, sign out, sign in by code (with a resend)', async ({ page }, testInfo) => {
  await page.goto(`${publicUrl}/ui/registration`);
  await page.getByLabel('E-Mail').fill(email);
  await page.getByRole('button', { name: 'Sign up' }).click();

  await expect(page.getByText('Please choose a credential to authenticate yourself with.')).toBeVisible();
  await page.getByRole('button', { name: 'Send sign up code' }).click();
  await expect(page.getByText('A code has been sent to the address(es) you provided.')).toBeVisible();
  await testInfo.attach('registration code form', {
    body: await page.screenshot({ fullPage: true }),
    contentType: 'image/png',
  });
  await page.getByLabel('Registration code').fill(await nextCode(email));
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/ui\/welcome/);
  await expect(page.getByText(email).first()).toBeVisible();

  await page.getByRole('link', { name: /sign out/i }).click();
  await expect(page.getByText(email)).toHaveCount(0);

  await page.goto(`${publicUrl}/ui/login`);
  await page.getByLabel('E-Mail').fill(email);
  await page.getByRole('button', { name: 'Send sign in code' }).click();
  await expect(page.getByText('A code was sent to the address you provided.')).toBeVisible();
  const first = await nextCode(email);

  // A wrong code is reported on the page; the form stays.
  await page.getByLabel('Login code').fill(first === '000000' ? '111111' : '000000');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText('The login code is invalid or has already been used.')).toBeVisible();

  await page.getByRole('button', { name: 'Resend code' }).click();
  await expect(page.getByText('A code was sent to the address you provided.')).toBeVisible();
  const second = await nextCode(email);
  await testInfo.attach('login code form', {
    body: await page.screenshot({ fullPage: true }),
    contentType: 'image/png',
  });
  await page.getByLabel('Login code').fill(second);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/ui\/welcome/);
  await expect(page.getByText(email).first()).toBeVisible();
});

test('the Back button on the code form returns to the credential choice', async ({ page }) => {
  await page.context().clearCookies();
  const other = `back-${email}`;
  await page.goto(`${publicUrl}/ui/registration`);
  await page.getByLabel('E-Mail').fill(other);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.getByRole('button', { name: 'Send sign up code' }).click();
  await expect(page.getByLabel('Registration code')).toBeVisible();
  await nextCode(other);
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByText('Please choose a credential to authenticate yourself with.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Send sign up code' })).toBeVisible();
  await expect(page.getByLabel('Password')).toBeVisible();
});

test('second factor by code: password first, then "Send code to …" on the two-factor page', async ({
  page,
}, testInfo) => {
  const mfa = await startJourneyServer({
    email: {
      credentials: { password: { identifier: true }, code: { identifier: true, via: 'email' } },
      verification: { via: 'email' },
    },
    traits: {
      phone: {
        type: 'string',
        format: 'tel',
        title: 'Phone',
        'ory.sh/kratos': { credentials: { code: { identifier: true, via: 'sms' } } },
      },
    },
    selfservice: () => ({ methods: { code: { mfa_enabled: true } } }),
  });
  const url = mfa.publicUrl;
  try {
    const user = `mfa-${email}`;
    const password = 'a long passphrase for the mfa run';
    const created = await fetch(new URL('admin/identities', mfa.gatehouse.urls.admin), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        schema_id: 'default',
        traits: { email: user, phone: '+14155550142' },
        credentials: { password: { config: { password } } },
      }),
    });
    expect(created.status).toBe(201);

    await page.goto(`${url}/ui/login`);
    await page.getByLabel('ID').fill(user);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in with password' }).click();

    // The identity can reach aal2, so the session is sent on to the second factor.
    await expect(page.getByRole('heading', { name: 'Two-factor authentication' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Send code to +14155550142' })).toBeVisible();
    await testInfo.attach('two-factor choices', {
      body: await page.screenshot({ fullPage: true }),
      contentType: 'image/png',
    });
    await page.getByRole('button', { name: `Send code to ${user}` }).click();
    await expect(page.getByText('A code was sent to your address.')).toBeVisible();
    const code = await mfa.nextCode(user);
    await page.getByLabel('Login code').fill(code);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page).toHaveURL(/\/ui\/welcome/);
    await expect(page.getByText(user).first()).toBeVisible();
  } finally {
    await mfa.close();
  }
});
