// A connection's identity schemas (`GET /schemas` on its public API, which Kratos serves there and not on
// the admin API): the renderer builds the traits form from them.
import type { Context } from 'hono';
import type { IdentitySchemaEntry } from '../shared/console-api';
import type { ConnectionRegistry } from './connections/registry';
import { ConsoleError } from './errors';
import { callUpstream, type FetchLike, redact } from './proxy/upstream';

const PER_PAGE = 1000;
const MAX_PAGES = 5;

export function schemaHandler(deps: {
  connections: ConnectionRegistry;
  fetch?: FetchLike;
}): (c: Context) => Promise<Response> {
  return async (c) => {
    const conn = deps.connections.resolve(c.req.param('id') ?? '');
    const all: IdentitySchemaEntry[] = [];
    for (let page = 0; page < MAX_PAGES; page++) {
      const res = await callUpstream(
        conn,
        'public',
        { method: 'GET', path: `/schemas?page=${page}&per_page=${PER_PAGE}` },
        deps.fetch,
      );
      if (!res.ok) {
        const text = redact(await res.text().catch(() => ''), conn.apiKey);
        throw new ConsoleError(
          502,
          'gatehouse_schemas_unavailable',
          `GET ${conn.publicBase}/schemas answered ${res.status}${text ? `: ${text.slice(0, 300)}` : ''}. Check the connection's public URL.`,
        );
      }
      const items = (await res.json()) as IdentitySchemaEntry[];
      all.push(...items.filter((s) => typeof s?.id === 'string' && typeof s.schema === 'object'));
      if (items.length < PER_PAGE) break;
    }
    return c.json(all, 200, { 'cache-control': 'no-store' });
  };
}
