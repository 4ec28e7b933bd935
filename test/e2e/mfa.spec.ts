// Two-factor sign-in through the built-in pages in Chromium: pair an authenticator app from the QR code's
// secret, save backup codes, then sign in again and finish with a TOTP code or a backup code.
import { expect, type Page, test } from '@playwright/test';
import { type JourneyServer, startJourneyServer } from './in-process';
import { Secret, TOTP } from 'otpauth';

const email = `mfa-${Date.now()}@example.com`;
const password = 'a long passphrase for the mfa run';
let secret = '';
let backupCodes: string[] = [];

let journeys: JourneyServer;
let gatehouse: JourneyServer['gatehouse'];
let publicUrl: string;

test.beforeAll(async () => {
  journeys = await startJourneyServer({
    email: { credentials: { password: { identifier: true }, totp: { account_name: true } } },
    selfservice: () => ({
      methods: {
        totp: { enabled: true, config: { issuer: 'Gatehouse e2e' } },
        lookup_secret: { enabled: true },
      },
    }),
  });
  ({ gatehouse, publicUrl } = journeys);
  const res = await fetch(`${gatehouse.urls.admin}admin/identities`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      schema_id: 'default',
      traits: { email },
      credentials: { password: { config: { password } } },
    }),
  });
  expect(res.status).toBe(201);
});

test.afterAll(async () => {
  await journeys?.close();
});

const code = (): string =>
  TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: gatehouse.clock.now().getTime() });

async function signInWithPassword(page: Page): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${publicUrl}/ui/login`);
  await page.getByLabel('E-Mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in with password' }).click();
}

test('pair an authenticator app and save backup codes in the settings', async ({ page }, testInfo) => {
  await signInWithPassword(page);
  await expect(page).toHaveURL(/\/ui\/welcome/);

  await page.goto(`${publicUrl}/ui/settings`);
  const app = page.getByRole('region', { name: 'Authenticator app' });
  const qr = app.getByRole('img', { name: 'Authenticator app QR code' });
  await expect(qr).toBeVisible();
  expect(
    await qr.evaluate((img) => [
      (img as { naturalWidth: number }).naturalWidth,
      (img as { naturalHeight: number }).naturalHeight,
    ]),
  ).toEqual([256, 256]);
  await expect(
    app.getByText('This is your authenticator app secret. Use it if you can not scan the QR code.'),
  ).toBeVisible();
  secret = (await app.locator('#totp_secret_key .code').innerText()).trim();
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await testInfo.attach('pairing', {
    body: await page.screenshot({ fullPage: true }),
    contentType: 'image/png',
  });

  await app.getByLabel('Verify code').fill(code());
  await app.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Your changes have been saved!')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Unlink TOTP Authenticator App' })).toBeVisible();

  const backup = page.getByRole('region', { name: 'Backup recovery codes' });
  await backup.getByRole('button', { name: 'Generate new backup recovery codes' }).click();
  const list = page.getByRole('region', { name: 'Backup recovery codes' }).locator('ul.codes li');
  await expect(list).toHaveCount(12);
  backupCodes = (await list.allInnerTexts()).map((t) => t.trim());
  for (const c of backupCodes) expect(c).toMatch(/^[a-z0-9]{8}$/);
  await testInfo.attach('backup codes', {
    body: await page.screenshot({ fullPage: true }),
    contentType: 'image/png',
  });
  await page.getByRole('button', { name: 'Confirm backup recovery codes' }).click();
  await expect(page.getByText('Your changes have been saved!')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Reveal backup recovery codes' })).toBeVisible();
});

test('sign in with the password, then the authenticator app', async ({ page }, testInfo) => {
  await signInWithPassword(page);
  await expect(page).toHaveURL(/\/ui\/login\?flow=/);
  await expect(page.getByText('Please complete the second authentication challenge.')).toBeVisible();
  await testInfo.attach('second factor', {
    body: await page.screenshot({ fullPage: true }),
    contentType: 'image/png',
  });
  await page.getByLabel('Authentication code').fill('000000');
  await page.getByRole('button', { name: 'Use Authenticator' }).click();
  await expect(
    page.getByText('The provided authentication code is invalid, please try again.'),
  ).toBeVisible();
  await page.getByLabel('Authentication code').fill(code());
  await page.getByRole('button', { name: 'Use Authenticator' }).click();
  await expect(page).toHaveURL(/\/ui\/welcome/);
  await expect(page.getByText(email).first()).toBeVisible();
});

test('sign in with a backup code; revealing the codes shows it as used', async ({ page }) => {
  await signInWithPassword(page);
  await expect(page).toHaveURL(/\/ui\/login\?flow=/);
  await page.getByLabel('Backup recovery code').fill(backupCodes[0] ?? '');
  await page.getByRole('button', { name: 'Use backup recovery code' }).click();
  await expect(page).toHaveURL(/\/ui\/welcome/);

  await page.goto(`${publicUrl}/ui/settings`);
  await page.getByRole('button', { name: 'Reveal backup recovery codes' }).click();
  const list = page.getByRole('region', { name: 'Backup recovery codes' }).locator('ul.codes li');
  await expect(list).toHaveCount(12);
  await expect(list.first()).toHaveText('used');
  await expect(list.nth(1)).toHaveText(backupCodes[1] ?? '');
});
