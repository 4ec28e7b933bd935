// GET /schemas and /schemas/{id} (schema/handler.go): served by the public API (also under /admin/...);
// the admin API redirects to it, as Kratos does.
import type { Context } from 'hono';
import { notFound } from '../errors/errors';
import { pageLinkHeaders, parseMigrationPagination } from '../http/pagination';
import type { IdentitySchemaRegistry } from './registry';

export const ROUTE_SCHEMAS = '/schemas';
export const ROUTE_SCHEMA = '/schemas/:id';
export const ROUTE_ADMIN_SCHEMAS = '/admin/schemas';
export const ROUTE_ADMIN_SCHEMA = '/admin/schemas/:id';

export interface SchemaHandlerDeps {
  schemas: IdentitySchemaRegistry;
}

export function schemaHandlers(deps: SchemaHandlerDeps): Record<'list' | 'get', (c: Context) => Response> {
  return {
    list(c) {
      const url = new URL(c.req.url);
      const { page, perPage } = parseMigrationPagination(url.searchParams);
      const all = deps.schemas.list();
      const slice = all.slice(page * perPage, page * perPage + perPage);
      for (const [k, v] of Object.entries(pageLinkHeaders(url, all.length, page, perPage, 'migration')))
        c.header(k, v);
      // The raw document is embedded verbatim, as Kratos embeds json.RawMessage.
      const body = `[${slice.map((s) => `{"id":${JSON.stringify(s.id)},"schema":${s.raw.trim()}}`).join(',')}]`;
      return c.body(body, 200, { 'Content-Type': 'application/json; charset=utf-8' });
    },

    get(c) {
      const id = c.req.param('id') ?? '';
      const schema = deps.schemas.find(id);
      if (!schema) throw notFound(`Identity schema \`${id}\` could not be found.`);
      return c.body(schema.raw, 200, { 'Content-Type': 'application/json; charset=utf-8' });
    },
  };
}
