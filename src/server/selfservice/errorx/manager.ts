// Forwards errors of browser requests to the error UI (selfservice/errorx/manager.go Forward): JSON
// clients get the error itself; browsers get a 303 to `selfservice.flows.error.ui_url?id=<stored error>`.
import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ClockProvider } from '../../clock';
import type { Config } from '../../config/config';
import { toKratosError } from '../../errors/writer';
import { acceptsJson, isJsonRequest } from '../../http/negotiate';
import type { Logger } from '../../logger';
import type { ErrorPersister } from './persister';
import { uiUrl } from '../flow/config';

export interface ErrorManagerDeps extends ClockProvider {
  config: Config;
  logger: Logger;
  errorPersister: ErrorPersister;
}

export class ErrorManager {
  constructor(private readonly deps: ErrorManagerDeps) {}

  /** `selfservice.flows.error.ui_url`, else the built-in error page (Kratos: its docs' fallback page). */
  errorUiUrl(): URL {
    return new URL(uiUrl(this.deps.config, 'error'));
  }

  /** Stores the error and returns the error UI URL that shows it. */
  store(err: unknown): string {
    const e = toKratosError(err, this.deps.logger);
    const now = this.deps.clock.now().toISOString();
    const id = randomUUID();
    this.deps.errorPersister.createError(
      { id, error: e.toBody() as unknown as Record<string, unknown>, created_at: now, updated_at: now },
      '',
    );
    const url = this.errorUiUrl();
    url.searchParams.set('id', id);
    return url.toString();
  }

  forward(c: Context, err: unknown): Response {
    const accept = c.req.header('accept');
    const e = toKratosError(err, this.deps.logger);
    if (isJsonRequest(accept, c.req.header('content-type')) || acceptsJson(accept)) {
      return c.json(e.toJSON(), e.status as ContentfulStatusCode);
    }
    this.deps.logger.info('An error occurred and is being forwarded to the error user interface.', {
      reason: e.reason ?? e.message,
    });
    return c.redirect(this.store(e), 303);
  }
}
