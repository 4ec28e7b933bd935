// GET /self-service/errors?id= (selfservice/errorx/handler.go): the stored error behind a 303 to the error
// UI; `id=stub:500` answers a stub error so UIs can be built without provoking one.
import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import type { ClockProvider } from '../../clock';
import { internal, noRows } from '../../errors/errors';
import type { ErrorPersister } from './persister';

export const ROUTE_ERRORS = '/self-service/errors';

export interface ErrorHandlerDeps extends ClockProvider {
  errorPersister: ErrorPersister;
}

export function errorHandlers(deps: ErrorHandlerDeps): { get: (c: Context) => Response } {
  return {
    get(c) {
      const id = c.req.query('error') || c.req.query('id') || '';
      const now = deps.clock.now().toISOString();
      if (id === 'stub:500') {
        return c.json({
          id: randomUUID(),
          error: internal('This is a stub error.').toBody(),
          created_at: now,
          updated_at: now,
        });
      }
      const found = /^[0-9a-f-]{36}$/i.test(id)
        ? deps.errorPersister.readError(id.toLowerCase(), now)
        : undefined;
      if (!found) throw noRows();
      return c.json(found);
    },
  };
}
