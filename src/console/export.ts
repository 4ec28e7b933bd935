// Export a connection's identities as a JSON array in Kratos's create-identity format, streamed page by page
// (500 at a time) so 100 000 identities never sit in memory. OIDC links are exported (without tokens); the
// embedded server can also export password hashes, which Kratos's admin API never returns.
import type { Context } from 'hono';
import type { CreateIdentityBody, Identity } from '../shared/kratos';
import type { ConnectionRegistry, ResolvedConnection } from './connections/registry';
import { ConsoleError } from './errors';
import { callUpstream, type FetchLike, redact } from './proxy/upstream';

const PAGE_SIZE = 500;

/** Reads a stored password hash of the embedded server (not available through the Kratos API). */
export type PasswordHashLookup = (identityId: string) => string | undefined;

export interface ExportDeps {
  connections: ConnectionRegistry;
  fetch?: FetchLike;
  embeddedPasswordHash?: PasswordHashLookup;
}

export function toCreateBody(identity: Identity, passwordHash?: string): CreateIdentityBody {
  const body: CreateIdentityBody = {
    schema_id: identity.schema_id,
    traits: identity.traits,
    state: identity.state ?? 'active',
    metadata_public: identity.metadata_public ?? null,
    metadata_admin: identity.metadata_admin ?? null,
  };
  if (identity.external_id) body.external_id = identity.external_id;
  if (identity.organization_id) body.organization_id = identity.organization_id;
  if (identity.verifiable_addresses?.length) {
    body.verifiable_addresses = identity.verifiable_addresses.map((a) => ({
      value: a.value,
      verified: a.verified,
      via: a.via,
      status: a.status,
      ...(a.verified_at ? { verified_at: a.verified_at } : {}),
    }));
  }
  if (identity.recovery_addresses?.length) {
    body.recovery_addresses = identity.recovery_addresses.map((a) => ({ value: a.value, via: a.via }));
  }
  const credentials: NonNullable<CreateIdentityBody['credentials']> = {};
  if (passwordHash) credentials.password = { config: { hashed_password: passwordHash } };
  const providers = (identity.credentials?.oidc?.config?.providers ?? []) as {
    provider?: unknown;
    subject?: unknown;
    organization?: unknown;
    use_auto_link?: unknown;
  }[];
  const links = providers
    .filter((p) => typeof p.provider === 'string' && typeof p.subject === 'string')
    .map((p) => ({
      provider: p.provider as string,
      subject: p.subject as string,
      ...(typeof p.organization === 'string' && p.organization ? { organization: p.organization } : {}),
      ...(p.use_auto_link === true ? { use_auto_link: true } : {}),
    }));
  if (links.length > 0) credentials.oidc = { config: { providers: links } };
  if (Object.keys(credentials).length > 0) body.credentials = credentials;
  return body;
}

export function nextPageToken(link: string | null): string | undefined {
  if (!link) return undefined;
  for (const part of link.split(',')) {
    const m = part.match(/<([^>]+)>\s*;\s*rel="?next"?/);
    if (m?.[1]) return new URL(m[1], 'http://x').searchParams.get('page_token') ?? undefined;
  }
  return undefined;
}

async function fetchPage(
  conn: ResolvedConnection,
  token: string | undefined,
  fetchImpl: FetchLike | undefined,
): Promise<{ identities: Identity[]; next: string | undefined }> {
  const q = new URLSearchParams({ page_size: String(PAGE_SIZE), include_credential: 'oidc' });
  if (token) q.set('page_token', token);
  const res = await callUpstream(conn, 'admin', { method: 'GET', path: `/admin/identities?${q}` }, fetchImpl);
  if (!res.ok) {
    const text = redact(await res.text().catch(() => ''), conn.apiKey);
    throw new ConsoleError(
      502,
      'gatehouse_export_failed',
      `Listing identities answered ${res.status}: ${text.slice(0, 300)}`,
    );
  }
  return { identities: (await res.json()) as Identity[], next: nextPageToken(res.headers.get('link')) };
}

export function exportHandler(deps: ExportDeps): (c: Context) => Promise<Response> {
  return async (c) => {
    const conn = deps.connections.resolve(c.req.param('id') ?? '');
    const withHashes = c.req.query('password_hashes') === 'true' && conn.profile.kind === 'embedded';
    const hashOf = withHashes ? deps.embeddedPasswordHash : undefined;
    // The first page is fetched before answering, so a broken connection is a proper error, not a cut file.
    let page = await fetchPage(conn, undefined, deps.fetch);
    const encoder = new TextEncoder();
    let first = true;
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        let text = '';
        for (const identity of page.identities) {
          text += `${first ? '[' : ','}\n  ${JSON.stringify(toCreateBody(identity, hashOf?.(identity.id)))}`;
          first = false;
        }
        if (!page.next) {
          controller.enqueue(encoder.encode(`${text}${first ? '[]' : '\n]'}\n`));
          controller.close();
          return;
        }
        if (text) controller.enqueue(encoder.encode(text));
        try {
          page = await fetchPage(conn, page.next, deps.fetch);
        } catch (err) {
          // Headers are gone: abort the download rather than end a truncated file as if it were complete.
          controller.error(err);
        }
      },
    });
    const day = new Date().toISOString().slice(0, 10);
    const name = `identities-${conn.profile.kind === 'embedded' ? 'embedded' : slug(conn.profile.name)}-${day}.json`;
    return new Response(stream, {
      status: 200,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'content-disposition': `attachment; filename="${name}"`,
        'cache-control': 'no-store',
      },
    });
  };
}

function slug(s: string): string {
  return (
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'remote'
  );
}
