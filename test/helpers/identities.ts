// Test data: identities created through the admin SDK, and sessions issued for them.
import { randomUUID } from 'node:crypto';
import type { Identity } from '@ory/client';
import type { TestServer } from './server';

export const uniqueEmail = (prefix = 'user'): string => `${prefix}-${randomUUID().slice(0, 8)}@example.com`;

export async function createIdentity(
  server: TestServer,
  opts: { email?: string; password?: string } = {},
): Promise<Identity> {
  const { data } = await server.sdk.identity.createIdentity({
    createIdentityBody: {
      schema_id: 'default',
      traits: { email: opts.email ?? uniqueEmail() },
      ...(opts.password ? { credentials: { password: { config: { password: opts.password } } } } : {}),
    },
  });
  return data;
}

/** Issues a session directly (as a completed password login would) and returns its token. */
export function issueSession(
  server: TestServer,
  identityId: string,
  headers: Record<string, string> = { 'user-agent': 'vitest' },
): { token: string; sessionId: string; cookie: string } {
  const identity = server.registry.identityPersister.getIdentity(identityId);
  if (!identity) throw new Error(`no identity ${identityId}`);
  const issued = server.registry.sessionManager.issue(identity, [{ method: 'password', aal: 'aal1' }], {
    headers: new Headers(headers),
    url: server.urls.public,
    remoteAddress: '127.0.0.1:50000',
  });
  const setCookie = server.registry.sessionManager.issueCookie(issued);
  return { token: issued.token, sessionId: issued.session.id, cookie: setCookie.split(';')[0] as string };
}
