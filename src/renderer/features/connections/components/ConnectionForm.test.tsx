// The connection form: validation, the write-only API key, colour and production flag, and the test button.
import '../../../test-utils/setup';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionTestResult } from '../../../../shared/console-api';
import { embeddedProfile, installFakeBackend } from '../../../test-utils/fake-backend';
import { renderWithProviders } from '../../../test-utils/render';
import { ConnectionForm, validateUrl } from './ConnectionForm';

afterEach(() => vi.unstubAllGlobals());

const remote = embeddedProfile({
  id: '7d3c2b1a-0000-4000-8000-000000000001',
  kind: 'remote',
  name: 'Production EU',
  adminUrl: 'https://acme.projects.oryapis.com',
  publicUrl: 'https://acme.projects.oryapis.com',
  color: 'red',
  production: true,
  hasApiKey: true,
  capabilities: { serverSideFilters: false, embeddedFeatures: false },
});

function setup(initial?: typeof remote) {
  const saved = vi.fn();
  const seen = installFakeBackend({
    'POST /api/connections': (r) => ({
      status: 201,
      body: { ...remote, ...(r.body as object), hasApiKey: true },
    }),
    'PUT /api/connections/[^/]+': (r) => ({ body: { ...remote, ...(r.body as object) } }),
    'POST /api/connections/test': () => ({
      body: {
        ok: true,
        reachable: true,
        version: 'v26.2.0',
        alive: true,
        ready: true,
        authorized: true,
        latencyMs: 12,
        problems: [],
      } satisfies ConnectionTestResult,
    }),
  });
  renderWithProviders(
    <ConnectionForm
      initial={initial}
      onSaved={saved}
      onCancel={() => undefined}
      secretStorageNote="API keys are encrypted with your operating system keychain."
    />,
  );
  return { saved, seen, user: userEvent.setup() };
}

describe('ConnectionForm', () => {
  it.each([
    ['', 'Required'],
    ['ftp://kratos', 'Use an http:// or https:// URL'],
    ['https://user:pw@kratos.example', 'Put credentials in the API key field, not in the URL'],
    ['https://kratos.example/?x=1', 'No query or fragment: the API path is appended to this URL'],
    ['not a url', 'Not a valid URL'],
    ['https://kratos.example/admin', null],
  ])('case=admin URL %j → %s', (value, message) => {
    expect(validateUrl(value, true)).toBe(message);
  });

  it('case=required fields are checked before anything is sent', async () => {
    const { user, seen } = setup();
    await user.click(screen.getByRole('button', { name: 'Add connection' }));
    expect(await screen.findAllByText('Required')).toHaveLength(2);
    expect(seen).toHaveLength(0);
  });

  it('case=add: name, URLs, key, colour and production are sent; the key goes to the backend only', async () => {
    const { user, seen, saved } = setup();
    await user.type(screen.getByLabelText(/^Name/), 'Staging');
    await user.type(screen.getByLabelText(/^Admin API URL/), 'https://kratos-admin.staging.example');
    await user.type(screen.getByLabelText(/^API key or bearer token/), 'ory_pat_abc123');
    await user.click(screen.getByRole('radio', { name: 'orange' }));
    await user.click(screen.getByLabelText(/^Production/));
    await user.click(screen.getByRole('button', { name: 'Add connection' }));
    await waitFor(() => expect(saved).toHaveBeenCalled());
    const post = seen.find((r) => r.method === 'POST' && r.url.pathname === '/api/connections');
    expect(post?.body).toEqual({
      name: 'Staging',
      adminUrl: 'https://kratos-admin.staging.example',
      publicUrl: 'https://kratos-admin.staging.example',
      color: 'orange',
      production: true,
      apiKey: 'ory_pat_abc123',
    });
  });

  it('case=edit: the stored key is never shown; leaving it empty keeps it', async () => {
    const { user, seen } = setup(remote);
    const key = screen.getByLabelText(/^API key or bearer token/) as HTMLInputElement;
    expect(key.value).toBe('');
    expect(key.placeholder).toContain('stored');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(seen.some((r) => r.method === 'PUT')).toBe(true));
    const put = seen.find((r) => r.method === 'PUT');
    expect(put?.url.pathname).toBe(`/api/connections/${remote.id}`);
    expect(put?.body).not.toHaveProperty('apiKey');
    expect(put?.body).toMatchObject({ name: 'Production EU', color: 'red', production: true });
  });

  it('case=edit: "remove the stored API key" sends apiKey null', async () => {
    const { user, seen } = setup(remote);
    await user.click(screen.getByLabelText('Remove the stored API key'));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(seen.find((r) => r.method === 'PUT')?.body).toMatchObject({ apiKey: null }));
  });

  it('case=test connection shows the version and health', async () => {
    const { user, seen } = setup();
    await user.type(screen.getByLabelText(/^Admin API URL/), 'https://kratos-admin.staging.example');
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(await screen.findByText('Connected: Kratos v26.2.0')).toBeTruthy();
    expect(screen.getByText('authorized: yes')).toBeTruthy();
    expect(seen.find((r) => r.url.pathname === '/api/connections/test')?.body).toMatchObject({
      adminUrl: 'https://kratos-admin.staging.example',
    });
  });

  it('case=where secrets are kept is stated', () => {
    setup();
    expect(screen.getByText(/operating system keychain/)).toBeTruthy();
  });
});
