// Connection management endpoints: list, create, update, delete, test, unlock/lock. Bodies in, profiles out:
// the API key is write-only.
import type { Context } from 'hono';
import { DEFAULT_UNLOCK_MINUTES, EMBEDDED_CONNECTION_ID } from '../../shared/console-api';
import { invalid, parseConnectionInput } from './validate';
import { probeConnection } from './probe';
import type { ConnectionRegistry, ResolvedConnection } from './registry';
import type { FetchLike } from '../proxy/upstream';

type Handler = (c: Context) => Promise<Response>;

export interface ConnectionHandlerDeps {
  connections: ConnectionRegistry;
  fetch?: FetchLike;
}

async function jsonBody(c: Context): Promise<Record<string, unknown>> {
  const body: unknown = await c.req.json().catch(() => {
    throw invalid('The request body is not valid JSON.');
  });
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw invalid('Expected a JSON object.');
  return body as Record<string, unknown>;
}

export function connectionHandlers(deps: ConnectionHandlerDeps): Record<string, Handler> {
  const reg = deps.connections;
  return {
    list: async (c) => c.json(reg.list()),
    get: async (c) => c.json(reg.get(c.req.param('id') ?? '')),
    create: async (c) => c.json(reg.create(parseConnectionInput(await jsonBody(c))), 201),
    update: async (c) => {
      const id = c.req.param('id') ?? '';
      const body = await jsonBody(c);
      if (id === EMBEDDED_CONNECTION_ID) return c.json(reg.updateEmbedded(body));
      return c.json(reg.update(id, parseConnectionInput(body)));
    },
    remove: async (c) => {
      reg.remove(c.req.param('id') ?? '');
      return c.body(null, 204);
    },
    test: async (c) => c.json(await probeConnection(reg.resolve(c.req.param('id') ?? ''), deps.fetch)),
    /** Tests a connection before it is saved (the form's "Test" button). */
    testDraft: async (c) => {
      const body = await jsonBody(c);
      const input = parseConnectionInput({ ...body, name: body.name || 'draft' });
      let apiKey = input.apiKey ?? undefined;
      // Editing an existing connection without retyping its key: test with the stored one.
      if (input.apiKey === undefined && typeof body.id === 'string' && body.id !== '') {
        apiKey = reg.resolve(body.id).apiKey;
      }
      const draft: ResolvedConnection = {
        profile: {
          id: 'draft',
          kind: 'remote',
          name: input.name,
          adminUrl: input.adminUrl,
          publicUrl: input.publicUrl,
          color: input.color,
          production: false,
          hasApiKey: apiKey !== undefined,
          apiKeyUnavailable: false,
          unlockedUntil: null,
          capabilities: { serverSideFilters: false, embeddedFeatures: false },
        },
        adminBase: input.adminUrl,
        publicBase: input.publicUrl,
        apiKey,
      };
      return c.json(await probeConnection(draft, deps.fetch));
    },
    unlock: async (c) => {
      const body = await jsonBody(c).catch(() => ({}) as Record<string, unknown>);
      const minutes = body.minutes === undefined ? DEFAULT_UNLOCK_MINUTES : Number(body.minutes);
      return c.json(reg.unlock(c.req.param('id') ?? '', minutes));
    },
    lock: async (c) => c.json(reg.lock(c.req.param('id') ?? '')),
  };
}
