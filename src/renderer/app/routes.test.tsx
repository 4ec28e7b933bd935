// The route tree at real URLs, against a fake backend speaking the Kratos admin API: keyset paging with a
// "previous" stack, client-side filtering on remote connections, the sessions screen and its revoke, and
// embedded-only screens explained on remote connections.
import '../test-utils/setup';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Identity, Session } from '../../shared/kratos';
import { embeddedProfile, installFakeBackend } from '../test-utils/fake-backend';
import { renderRoute } from '../test-utils/render-route';

afterEach(() => vi.unstubAllGlobals());

const identity = (n: number, extra: Partial<Identity> = {}): Identity => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  schema_id: n % 2 ? 'customer' : 'staff',
  schema_url: 'http://127.0.0.1:4433/schemas/Y3VzdG9tZXI',
  state: n % 3 ? 'active' : 'inactive',
  traits: { email: `user${n}@example.com` },
  credentials: { password: { type: 'password', identifiers: [`user${n}@example.com`] } },
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
  ...extra,
});
const remote = embeddedProfile({
  id: 'r1',
  kind: 'remote',
  name: 'Staging',
  capabilities: { serverSideFilters: false, embeddedFeatures: false },
});

function pagedIdentities() {
  return installFakeBackend({
    'GET /api/session': () => ({ body: { authenticated: true } }),
    'GET /api/connections': () => ({ body: [embeddedProfile(), remote] }),
    'GET /api/connections/[^/]+/schemas': () => ({ body: [] }),
    'GET /api/connections/[^/]+/kratos/admin/identities': (r) => {
      const token = r.url.searchParams.get('page_token');
      const page = token === 'T2' ? [identity(3)] : token === 'T1' ? [identity(2)] : [identity(1)];
      const next = token === 'T2' ? undefined : token === 'T1' ? 'T2' : 'T1';
      const link = [`<http://127.0.0.1:4434/admin/identities?page_size=1&page_token=first>; rel="first"`];
      if (next)
        link.push(`<http://127.0.0.1:4434/admin/identities?page_size=1&page_token=${next}>; rel="next"`);
      return { body: page, headers: { link: link.join(',') } };
    },
  });
}

describe('identities route', () => {
  it('case=keyset paging follows Link rel=next and goes back through the token stack', async () => {
    const seen = pagedIdentities();
    const user = userEvent.setup();
    renderRoute('/c/embedded/identities');
    expect(await screen.findByText('user1@example.com')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText('user2@example.com')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText('user3@example.com')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Next page' }) as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Previous page' }));
    expect(await screen.findByText('user2@example.com')).toBeTruthy();
    const tokens = seen
      .filter((r) => r.url.pathname.endsWith('/admin/identities'))
      .map((r) => r.url.searchParams.get('page_token'));
    // "Previous" re-requests the page with the token remembered on the stack.
    expect(tokens).toEqual([null, 'T1', 'T2', 'T1']);
  });

  it('case=embedded: schema and state filters go to the server', async () => {
    const seen = pagedIdentities();
    renderRoute('/c/embedded/identities?state=inactive&schema=customer&q=user1@example.com');
    await screen.findByText('user1@example.com');
    const q = seen.find((r) => r.url.pathname.endsWith('/admin/identities'))?.url.searchParams;
    expect(q?.get('state')).toBe('inactive');
    expect(q?.get('schema_id')).toBe('customer');
    expect(q?.get('credentials_identifier')).toBe('user1@example.com');
  });

  it('case=remote: the filter is applied to the page in the console, and it says so', async () => {
    const seen = pagedIdentities();
    renderRoute('/c/r1/identities?state=inactive');
    expect(await screen.findByText(/cannot filter by schema or state/)).toBeTruthy();
    const q = seen.find((r) => r.url.pathname.endsWith('/admin/identities'))?.url.searchParams;
    expect(q?.has('state')).toBe(false);
    expect(screen.queryByText('user1@example.com')).toBeNull(); // user1 is active
  });

  it('case=embedded-only screens are hidden on remote connections and explained when opened', async () => {
    pagedIdentities();
    renderRoute('/c/r1/overview');
    expect(await screen.findByText('The server overview is part of the embedded server')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Embedded server' })).toBeNull();
  });
});

describe('sessions route', () => {
  const session: Session = {
    id: '11111111-2222-4333-8444-555555555555',
    active: true,
    authenticator_assurance_level: 'aal1',
    authentication_methods: [{ method: 'password', aal: 'aal1', completed_at: '2026-01-01T00:00:00Z' }],
    authenticated_at: '2026-01-01T00:00:00Z',
    expires_at: '2099-01-01T00:00:00Z',
    devices: [{ id: 'd1', ip_address: '203.0.113.9', user_agent: 'Mozilla/5.0', location: 'Berlin, DE' }],
    identity: identity(7),
  };

  it('case=lists sessions with expand=identity, filters active, revokes one', async () => {
    let active = true;
    const seen = installFakeBackend({
      'GET /api/connections': () => ({ body: [embeddedProfile()] }),
      'GET /api/connections/embedded/kratos/admin/sessions': () => ({ body: [{ ...session, active }] }),
      'DELETE /api/connections/embedded/kratos/admin/sessions/[^/]+': () => {
        active = false;
        return { status: 204 };
      },
    });
    const user = userEvent.setup();
    renderRoute('/c/embedded/sessions?active=true');
    const table = await screen.findByRole('table', { name: 'Sessions' });
    expect(within(table).getByText('user7@example.com')).toBeTruthy();
    expect(within(table).getByText('password')).toBeTruthy();
    const list = seen.find((r) => r.url.pathname.endsWith('/admin/sessions'))?.url.searchParams;
    expect(list?.getAll('expand')).toEqual(['identity', 'devices']);
    expect(list?.get('active')).toBe('true');

    await user.click(within(table).getByRole('button', { name: `Actions for session ${session.id}` }));
    await user.click(await screen.findByRole('menuitem', { name: 'Revoke' }));
    await user.click(await screen.findByRole('button', { name: 'Revoke session' }));
    await waitFor(() =>
      expect(
        seen.some((r) => r.method === 'DELETE' && r.url.pathname.endsWith(`/admin/sessions/${session.id}`)),
      ).toBe(true),
    );
    expect(await screen.findByText('Session revoked')).toBeTruthy();
  });

  it('case=session detail shows methods and devices; extend calls PATCH …/extend', async () => {
    const seen = installFakeBackend({
      'GET /api/connections': () => ({ body: [embeddedProfile()] }),
      'GET /api/connections/embedded/kratos/admin/sessions/[^/]+': () => ({ body: session }),
      'PATCH /api/connections/embedded/kratos/admin/sessions/[^/]+/extend': () => ({
        body: { ...session, expires_at: '2099-02-01T00:00:00Z' },
      }),
    });
    const user = userEvent.setup();
    renderRoute(`/c/embedded/sessions/${session.id}`);
    expect(await screen.findByText('Berlin, DE')).toBeTruthy();
    expect(screen.getByText('203.0.113.9')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Extend' }));
    await waitFor(() => expect(seen.some((r) => r.method === 'PATCH')).toBe(true));
  });
});

describe('recovery', () => {
  it('case=creates a recovery code and shows code, link and expiry', async () => {
    const i = identity(9);
    const seen = installFakeBackend({
      'GET /api/connections': () => ({ body: [embeddedProfile()] }),
      'GET /api/connections/embedded/schemas': () => ({ body: [] }),
      'GET /api/connections/embedded/kratos/admin/identities/[^/]+': () => ({ body: i }),
      'POST /api/connections/embedded/kratos/admin/recovery/code': () => ({
        status: 201,
        body: {
          recovery_link: 'http://127.0.0.1:4455/recovery?flow=abc',
          recovery_code: '123456',
          expires_at: '2099-01-01T00:00:00Z',
        },
      }),
    });
    const user = userEvent.setup();
    renderRoute(`/c/embedded/identities/${i.id}?tab=recovery`);
    await user.click(await screen.findByText('Recovery code'));
    await user.click(screen.getByRole('button', { name: 'Create recovery code' }));
    const result = await screen.findByTestId('recovery-result');
    expect(within(result).getByText('123456')).toBeTruthy();
    expect(within(result).getByText('http://127.0.0.1:4455/recovery?flow=abc')).toBeTruthy();
    expect(seen.find((r) => r.method === 'POST')?.body).toEqual({ identity_id: i.id, expires_in: '1h' });
  });
});
