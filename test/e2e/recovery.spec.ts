// Verification and recovery through the built-in UI in Chromium, as a user meets them: sign up and verify
// the email address with the code from the mail sink (read with the `mailhog` client); forget the password,
// recover the account with a code, set a new password on the settings page and sign in with it.
import { expect, type Page, test } from '@playwright/test';
import { type JourneyServer, startJourneyServer } from './in-process';

let journeys: JourneyServer;
let gatehouse: JourneyServer['gatehouse'];
let publicUrl: string;
const nextCode = (to: string): Promise<string> => journeys.nextCode(to);

test.beforeAll(async () => {
  journeys = await startJourneyServer({
    email: {
      credentials: { password: { identifier: true } },
      verification: { via: 'email' },
      recovery: { via: 'email' },
    },
    selfservice: () => ({
      flows: {
        registration: {
          enable_legacy_one_step: true,
          after: { password: { hooks: [{ hook: 'session' }, { hook: 'show_verification_ui' }] } },
        },
        recovery: { enabled: true, use: 'code' },
        verification: { enabled: true, use: 'code' },
      },
    }),
  });
  ({ gatehouse, publicUrl } = journeys);
});

test.afterAll(async () => {
  await journeys?.close();
});

const email = `recovery-e2e-${Date.now()}@example.com`;
const firstPassword = 'the first passphrase of this user';
const newPassword = 'a brand new passphrase after recovery';

async function shot(page: Page, name: string, info: { attach: (n: string, o: object) => Promise<void> }) {
  await info.attach(name, { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
}

test('sign up, then verify the email address with the code from the mail sink', async ({
  page,
}, testInfo) => {
  await page.goto(`${publicUrl}/ui/registration`);
  await page.getByLabel('E-Mail').fill(email);
  await page.getByLabel('Password').fill(firstPassword);
  await page.getByRole('button', { name: 'Sign up' }).click();

  // show_verification_ui: the browser lands on the verification page with the code form.
  await expect(page).toHaveURL(/\/ui\/verification\?flow=/);
  await expect(page.getByText('An email containing a verification code has been sent')).toBeVisible();
  await shot(page, 'verification code form', testInfo);

  // A wrong code is reported; a resend sends a new code.
  const first = await nextCode(email);
  await page.getByLabel('Verification code').fill(first === '000000' ? '111111' : '000000');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText('The verification code is invalid or has already been used.')).toBeVisible();
  await page.getByRole('button', { name: 'Resend code' }).click();
  await expect(page.getByText('An email containing a verification code has been sent')).toBeVisible();

  await page.getByLabel('Verification code').fill(await nextCode(email));
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText('You successfully verified your email address.')).toBeVisible();
  await shot(page, 'verified', testInfo);
  await page.getByRole('link', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/ui\/welcome/);
  await expect(page.getByText(email).first()).toBeVisible();

  const res = await fetch(
    new URL(`admin/identities?credentials_identifier=${encodeURIComponent(email)}`, gatehouse.urls.admin),
  );
  const [identity] = (await res.json()) as {
    verifiable_addresses: { verified: boolean; status: string }[];
  }[];
  expect(identity?.verifiable_addresses[0]).toMatchObject({ verified: true, status: 'completed' });
});

test('forgot the password: recovery code, new password on the settings page, sign in with it', async ({
  page,
}, testInfo) => {
  await page.context().clearCookies();
  await page.goto(`${publicUrl}/ui/login`);
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page).toHaveURL(/\/ui\/recovery\?flow=/);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText('An email containing a recovery code has been sent')).toBeVisible();
  await shot(page, 'recovery code form', testInfo);

  await page.getByLabel('Recovery code').fill(await nextCode(email));
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page).toHaveURL(/\/ui\/settings\?flow=/);
  await expect(page.getByText('You successfully recovered your account.')).toBeVisible();
  await shot(page, 'settings after recovery', testInfo);
  await page.getByRole('textbox', { name: 'Password' }).fill(newPassword);
  await page.getByTestId('ui/node/password/method').click();
  await expect(page.getByText('Your changes have been saved!')).toBeVisible();

  await page.context().clearCookies();
  await page.goto(`${publicUrl}/ui/login`);
  await page.getByLabel('E-Mail').fill(email);
  await page.getByLabel('Password').fill(firstPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('The provided credentials are invalid')).toBeVisible();
  await page.getByLabel('Password').fill(newPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/ui\/welcome/);
  await expect(page.getByText(email).first()).toBeVisible();
});
