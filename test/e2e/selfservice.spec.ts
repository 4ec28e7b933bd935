// The built-in self-service UI in Chromium, as a user meets it: sign up, see the session, sign out, sign in,
// a form error on the page, and a journey that starts at an app's return_to on the allow-list.
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { type JourneyServer, startJourneyServer } from './in-process';

let journeys: JourneyServer;
let gatehouse: JourneyServer['gatehouse'];
let app: Server;
let appUrl: string;
let publicUrl: string;

test.beforeAll(async () => {
  // A stand-in for the developer's app: the page a return_to sends the browser back to.
  app = createHttpServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end(`<!doctype html><title>My app</title><h1>Back in my app at ${req.url}</h1>`);
  });
  await new Promise<void>((done) => app.listen(0, '127.0.0.1', done));
  appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
  journeys = await startJourneyServer({
    email: { credentials: { password: { identifier: true } } },
    traits: { name: { type: 'object', properties: { first: { type: 'string', title: 'First name' } } } },
    selfservice: () => ({
      allowed_return_urls: [appUrl],
      flows: { registration: { after: { password: { hooks: [{ hook: 'session' }] } } } },
    }),
  });
  ({ gatehouse, publicUrl } = journeys);
});

test.afterAll(async () => {
  await journeys?.close();
  await new Promise((done) => app?.close(done));
});

const email = `e2e-${Date.now()}@example.com`;
const password = 'a long passphrase for the e2e run';

test('sign up, see the session, sign out, sign in', async ({ page }, testInfo) => {
  await page.goto(`${publicUrl}/ui/registration`);
  await expect(page).toHaveURL(/\/ui\/registration\?flow=/);
  await page.getByLabel('E-Mail').fill(email);
  await page.getByLabel('First name').fill('Ada');
  await testInfo.attach('registration', {
    body: await page.screenshot({ fullPage: true }),
    contentType: 'image/png',
  });
  await page.getByRole('button', { name: 'Sign up' }).click();

  // Two-step registration: the credential screen.
  await expect(page.getByText('Please choose a credential to authenticate yourself with.')).toBeVisible();
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign up' }).click();

  await expect(page).toHaveURL(/\/ui\/welcome/);
  await expect(page.getByText(email).first()).toBeVisible();
  await testInfo.attach('welcome', {
    body: await page.screenshot({ fullPage: true }),
    contentType: 'image/png',
  });

  await page.getByRole('link', { name: /sign out/i }).click();
  await expect(page.getByText(email)).toHaveCount(0);

  await page.goto(`${publicUrl}/ui/login`);
  await page.getByLabel('E-Mail').fill(email.toUpperCase());
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in with password' }).click();
  await expect(page).toHaveURL(/\/ui\/welcome/);
  await expect(page.getByText(email).first()).toBeVisible();
});

test('a form error is shown on the page and the identifier is kept', async ({ page }, testInfo) => {
  await page.goto(`${publicUrl}/ui/login`);
  await page.getByLabel('E-Mail').fill(email);
  await page.getByLabel('Password').fill('not the right one');
  await page.getByRole('button', { name: 'Sign in with password' }).click();
  await expect(page.getByText('The provided credentials are invalid')).toBeVisible();
  await expect(page.getByLabel('E-Mail')).toHaveValue(email);
  await expect(page.getByLabel('Password')).toHaveValue('');
  await testInfo.attach('login error', {
    body: await page.screenshot({ fullPage: true }),
    contentType: 'image/png',
  });
});

test('a journey that starts from an allowed return_to ends in the app', async ({ page }) => {
  const target = `${appUrl}/orders?tab=open`;
  await page.goto(`${publicUrl}/self-service/login/browser?return_to=${encodeURIComponent(target)}`);
  await expect(page).toHaveURL(/\/ui\/login\?flow=/);
  await page.getByLabel('E-Mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in with password' }).click();
  await expect(page).toHaveURL(target);
  await expect(page.getByRole('heading')).toHaveText('Back in my app at /orders?tab=open');
});

test('account settings: change the profile, re-authenticate for a new password, sign in with it', async ({
  page,
}, testInfo) => {
  await page.goto(`${publicUrl}/ui/login`);
  await page.getByLabel('E-Mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in with password' }).click();
  await expect(page).toHaveURL(/\/ui\/welcome/);

  await page.goto(`${publicUrl}/ui/settings`);
  await expect(page).toHaveURL(/\/ui\/settings\?flow=/);
  await expect(page.getByLabel('E-Mail')).toHaveValue(email);
  await page.getByLabel('First name').fill('Grace');
  await page.getByRole('region', { name: 'Profile' }).getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Your changes have been saved!')).toBeVisible();
  await expect(page.getByLabel('First name')).toHaveValue('Grace');
  await testInfo.attach('settings saved', {
    body: await page.screenshot({ fullPage: true }),
    contentType: 'image/png',
  });

  // An hour later the session is no longer privileged: a new password needs the current one first.
  gatehouse.clock.advance(61 * 60_000);
  await page.goto(`${publicUrl}/ui/settings`);
  const newPassword = 'another long passphrase for e2e';
  await page.getByRole('region', { name: 'Password' }).getByLabel('Password').fill(newPassword);
  await page.getByRole('region', { name: 'Password' }).getByRole('button', { name: 'Save' }).click();
  await expect(page).toHaveURL(/\/ui\/login\?flow=/);
  await expect(page.getByText('Please confirm this action by verifying that it is you.')).toBeVisible();
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: /sign in/i }).click();
  // Back on the settings page: the paused change went through.
  await expect(page).toHaveURL(/\/ui\/settings\?flow=/);
  await expect(page.getByText('Your changes have been saved!')).toBeVisible();

  await page.context().clearCookies();
  await page.goto(`${publicUrl}/ui/login`);
  await page.getByLabel('E-Mail').fill(email);
  await page.getByLabel('Password').fill(newPassword);
  await page.getByRole('button', { name: 'Sign in with password' }).click();
  await expect(page).toHaveURL(/\/ui\/welcome/);
  gatehouse.clock.reset();
});
