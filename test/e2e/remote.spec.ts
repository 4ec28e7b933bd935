// A second server added as a remote connection whose admin API demands a bearer token (as Ory Network does);
// then the same server as a production connection, which refuses a delete until unlocked and confirmed.
import { expect, test, type Page } from '@playwright/test';
import type { Identity } from '../../src/shared/kratos';
import { REMOTE_TOKEN } from './global-setup';
import { adminJson, env, openConsole, screenshot } from './env';

const REMOTE_EMAIL = `remote.${Date.now()}@example.net`;

async function addConnection(page: Page, name: string, production: boolean): Promise<void> {
  await openConsole(page, '/connections');
  await page.getByRole('button', { name: 'Add connection' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel('Admin API URL').fill(env.remoteProxyUrl());
  await dialog.getByLabel('Public API URL').fill(env.remotePublicUrl());
  await dialog.getByLabel('API key or bearer token').fill(REMOTE_TOKEN);
  await dialog.getByRole('radio', { name: production ? 'red' : 'orange' }).click();
  if (production) await dialog.getByLabel('Production').check();
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(dialog.getByTestId('connection-test-result')).toContainText('Connected: Kratos v26.2.0');
  await dialog.getByRole('button', { name: 'Add connection' }).click();
  await expect(page.getByRole('heading', { name: 'Identities' })).toBeVisible();
}

test.describe.serial('remote connections', () => {
  test.beforeAll(async () => {
    await adminJson(env.remoteAdminUrl(), '/admin/identities', {
      method: 'POST',
      body: JSON.stringify({
        schema_id: 'customer',
        traits: { email: REMOTE_EMAIL, name: { first: 'Grace' } },
      }),
    });
  });

  test('add a remote Kratos with a bearer token and list its identities', async ({ page }, testInfo) => {
    await addConnection(page, 'Staging', false);
    await expect(
      page.getByRole('table', { name: 'Identities' }).getByRole('link', { name: REMOTE_EMAIL }),
    ).toBeVisible();
    await expect(page.getByLabel('Connection')).toContainText('Staging');
    await screenshot(page, testInfo, 'remote identities');

    // Remote Kratos cannot filter by state: the console filters the page and says so.
    await page.getByRole('combobox', { name: 'State' }).click();
    await page.getByRole('option', { name: 'Inactive' }).click();
    await expect(page.getByText(/cannot filter by schema or state/)).toBeVisible();

    await page.goto(`${env.consoleUrl()}/connections`);
    await expect(page.getByTestId('connection-Staging')).toContainText('API key stored on the backend');
    const html = await page.content();
    expect(html).not.toContain(REMOTE_TOKEN);
    await screenshot(page, testInfo, 'connections');
  });

  test('a production connection refuses a delete until unlocked and confirmed', async ({
    page,
  }, testInfo) => {
    await addConnection(page, 'Production', true);
    await expect(page.getByText('Production · read-only')).toBeVisible();
    await page.getByRole('table', { name: 'Identities' }).getByRole('link', { name: REMOTE_EMAIL }).click();
    await expect(page.getByRole('heading', { name: REMOTE_EMAIL })).toBeVisible();

    await page.getByRole('button', { name: 'More' }).click();
    await expect(page.getByRole('menuitem', { name: 'Delete identity' })).toBeDisabled();
    await page.keyboard.press('Escape');
    await screenshot(page, testInfo, 'production identity (locked)');

    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('menuitem', { name: '5 minutes', exact: true }).click();
    await expect(page.getByText(/Unlocked · \d+:\d\d/)).toBeVisible();

    await page.getByRole('button', { name: 'More' }).click();
    await page.getByRole('menuitem', { name: 'Delete identity' }).click();
    const dialog = page.getByRole('dialog');
    const confirm = dialog.getByRole('button', { name: 'Delete identity' });
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel('Confirmation').fill('someone-else@example.net');
    await expect(confirm).toBeDisabled();
    await screenshot(page, testInfo, 'production delete confirmation');
    const before = await adminJson<Identity[]>(
      env.remoteAdminUrl(),
      `/admin/identities?credentials_identifier=${REMOTE_EMAIL}`,
    );
    expect(before).toHaveLength(1);

    await dialog.getByLabel('Confirmation').fill(REMOTE_EMAIL);
    await confirm.click();
    await expect(page.getByRole('heading', { name: 'Identities' })).toBeVisible();
    const after = await adminJson<Identity[]>(
      env.remoteAdminUrl(),
      `/admin/identities?credentials_identifier=${REMOTE_EMAIL}`,
    );
    expect(after).toHaveLength(0);
  });
});
