// Import identities from a JSON file through the batch API (per-item results, a duplicate reported), then
// export them again in the create-identity format.
import { expect, test } from '@playwright/test';
import { openConsole, screenshot } from './env';

test('import a JSON file and export all identities', async ({ page }, testInfo) => {
  const stamp = Date.now();
  const bodies = [
    {
      schema_id: 'customer',
      traits: { email: `imported1.${stamp}@example.com` },
      credentials: { password: { config: { password: 'imported-password-123' } } },
    },
    { schema_id: 'customer', traits: { email: `imported2.${stamp}@example.com`, plan: 'enterprise' } },
    { schema_id: 'customer', traits: { email: `imported1.${stamp}@example.com` } },
  ];
  await openConsole(page, '/c/embedded/identities');
  await page.getByRole('button', { name: 'Import' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import identities' });
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choose file…' }).click();
  await (
    await chooser
  ).setFiles({
    name: 'people.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(bodies)),
  });
  await expect(dialog.getByText('people.json')).toBeVisible();
  await dialog.getByRole('button', { name: 'Import 3 identities' }).click();
  await expect(dialog.getByText('2 created')).toBeVisible();
  await expect(dialog.getByText('1 failed')).toBeVisible();
  const results = dialog.getByRole('table', { name: 'Import results' });
  await expect(results.getByText(/exists already/)).toBeVisible();
  await screenshot(page, testInfo, 'import results');
  await dialog.getByRole('button', { name: 'Done' }).click();

  await page.getByRole('button', { name: 'Export' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'All identities (JSON)' }).click();
  const file = await (await download).path();
  const { readFile } = await import('node:fs/promises');
  const exported = JSON.parse(await readFile(file, 'utf8')) as { traits: { email: string } }[];
  expect(exported.map((b) => b.traits.email)).toEqual(
    expect.arrayContaining([`imported1.${stamp}@example.com`, `imported2.${stamp}@example.com`]),
  );
});
