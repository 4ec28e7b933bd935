// The embedded server, as a developer uses it: create an identity through the schema-driven form, find it,
// edit a trait, revoke its session, create a recovery link. Screenshots of each screen go to the report.
import { expect, test } from '@playwright/test';
import type { Identity, Session } from '../../src/shared/kratos';
import { adminJson, env, openConsole, screenshot, signIn } from './env';

// Stable for the whole run (every worker computes the same address), unique per run (the server's port).
const EMAIL = `ada.${new URL(env.adminUrl()).port}@example.com`;
const PASSWORD = 'correct-horse-battery-staple-42';

test.describe('embedded server: identities and sessions', () => {
  let identityId = '';
  // Later steps find the identity again if an earlier one failed (a new worker forgets identityId).
  test.beforeEach(async () => {
    if (identityId) return;
    const found = await adminJson<Identity[]>(
      env.adminUrl(),
      `/admin/identities?credentials_identifier=${encodeURIComponent(EMAIL)}`,
    );
    identityId = found[0]?.id ?? '';
  });

  test('create an identity through the schema-driven form', async ({ page }, testInfo) => {
    await openConsole(page);
    await expect(page.getByRole('heading', { name: 'Identities' })).toBeVisible();
    await screenshot(page, testInfo, 'identities (empty)');

    await page.getByRole('link', { name: 'New identity' }).click();
    await expect(page.getByRole('heading', { name: 'New identity' })).toBeVisible();
    await page.getByLabel('E-Mail').fill(EMAIL);
    await page.getByLabel('First name').fill('Ada');
    await page.getByLabel('Last name').fill('Byron');
    await page.getByRole('combobox', { name: 'Plan' }).click();
    await page.getByRole('option', { name: 'pro' }).click();
    await page.getByLabel('Newsletter').check();
    await page.getByLabel('Password (optional)').fill(PASSWORD);
    await screenshot(page, testInfo, 'new identity form');
    await page.getByRole('button', { name: 'Create identity' }).click();

    await expect(page.getByRole('heading', { name: EMAIL })).toBeVisible();
    identityId = page.url().split('/identities/')[1]?.split('?')[0] ?? '';
    expect(identityId).toMatch(/^[0-9a-f-]{36}$/);
    const stored = await adminJson<Identity>(env.adminUrl(), `/admin/identities/${identityId}`);
    expect(stored.traits).toEqual({
      email: EMAIL,
      name: { first: 'Ada', last: 'Byron' },
      plan: 'pro',
      newsletter: true,
    });
    expect(Object.keys(stored.credentials ?? {})).toContain('password');
    await screenshot(page, testInfo, 'identity detail');
  });

  test('find it by exact and similar identifier search', async ({ page }, testInfo) => {
    // Noise, so the search has something to exclude.
    for (const n of [1, 2, 3]) {
      await adminJson(env.adminUrl(), '/admin/identities', {
        method: 'POST',
        body: JSON.stringify({
          schema_id: 'customer',
          traits: { email: `other${n}.${Date.now()}@example.org` },
        }),
      });
    }
    await openConsole(page, '/c/embedded/identities');
    const table = page.getByRole('table', { name: 'Identities' });
    await expect(table.getByRole('row')).toHaveCount(5);
    await page.getByLabel('Search by identifier').fill(EMAIL);
    await expect(table.getByRole('row')).toHaveCount(2);
    await expect(table.getByRole('link', { name: EMAIL })).toBeVisible();
    await screenshot(page, testInfo, 'identities search (exact)');

    await page.getByText('Similar', { exact: true }).click();
    await page.getByLabel('Search by identifier').fill(EMAIL.slice(0, 8));
    await expect(table.getByRole('link', { name: EMAIL })).toBeVisible();
    await expect(table.getByRole('row')).toHaveCount(2);
  });

  test('jump to it from the command palette by identifier', async ({ page }, testInfo) => {
    await openConsole(page, '/c/embedded/sessions');
    // As a user would: press the shortcut again if the console had not yet mounted its listener.
    const search = page.getByPlaceholder('Go to a screen, identity id or identifier…');
    await expect(async () => {
      await page.keyboard.press('Control+K');
      await expect(search).toBeVisible({ timeout: 1000 });
    }).toPass();
    await search.fill(EMAIL);
    await expect(
      page.getByRole('button', { name: new RegExp(`^${EMAIL.replace(/\./g, '\\.')}`) }),
    ).toBeVisible();
    await screenshot(page, testInfo, 'command palette');
    await page.getByRole('button', { name: new RegExp(`^${EMAIL.replace(/\./g, '\\.')}`) }).click();
    await expect(page.getByRole('heading', { name: EMAIL })).toBeVisible();
  });

  test('edit a trait', async ({ page }, testInfo) => {
    await openConsole(page, `/c/embedded/identities/${identityId}`);
    const last = page.getByLabel('Last name');
    await expect(last).toHaveValue('Byron');
    await last.fill('Lovelace');
    await page.getByRole('button', { name: 'Save traits' }).click();
    await expect(page.getByText('Traits saved')).toBeVisible();
    const stored = await adminJson<Identity>(env.adminUrl(), `/admin/identities/${identityId}`);
    expect(stored.traits).toMatchObject({ name: { first: 'Ada', last: 'Lovelace' }, plan: 'pro' });

    await page.getByText('JSON', { exact: true }).click();
    await expect(page.locator('.monaco-editor').first()).toBeVisible();
    await screenshot(page, testInfo, 'traits as JSON (Monaco)');
  });

  test('revoke its session', async ({ page }, testInfo) => {
    await signIn(EMAIL, PASSWORD);
    await openConsole(page, `/c/embedded/identities/${identityId}?tab=sessions`);
    await expect(page.getByText('1 sessions, 1 active')).toBeVisible();
    await screenshot(page, testInfo, 'identity sessions');
    await page.getByRole('button', { name: /Actions for session/ }).click();
    await page.getByRole('menuitem', { name: 'Revoke' }).click();
    await page.getByRole('button', { name: 'Revoke session' }).click();
    await expect(page.getByText('Session revoked')).toBeVisible();
    await expect(page.getByText('1 sessions, 0 active')).toBeVisible();
    const sessions = await adminJson<Session[]>(env.adminUrl(), `/admin/identities/${identityId}/sessions`);
    expect(sessions.map((s) => s.active)).toEqual([false]);

    await page.goto(`${env.consoleUrl()}/c/embedded/sessions`);
    await expect(
      page.getByRole('table', { name: 'Sessions' }).getByRole('link', { name: EMAIL }),
    ).toBeVisible();
    await screenshot(page, testInfo, 'sessions');
  });

  test('create a recovery link', async ({ page }, testInfo) => {
    await openConsole(page, `/c/embedded/identities/${identityId}?tab=recovery`);
    await page.getByRole('button', { name: 'Create recovery link' }).click();
    const result = page.getByTestId('recovery-result');
    await expect(result).toBeVisible();
    const link = (await result.getByText(/self-service\/recovery/).textContent()) ?? '';
    expect(link).toMatch(
      new RegExp(`^${env.publicUrl()}/self-service/recovery\\?flow=[0-9a-f-]{36}&token=\\w+`),
    );
    await screenshot(page, testInfo, 'recovery link');
  });
});
