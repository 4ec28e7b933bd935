// The one error writer: serialises KratosErrors; anything else becomes a generic 500 without internals.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from '../logger';
import { internal, isKratosError, type KratosError } from './errors';

export function toKratosError(err: unknown, logger?: Logger): KratosError {
  if (isKratosError(err)) return err;
  logger?.error('unhandled error', {
    error: err instanceof Error ? (err.stack ?? err.message) : String(err),
  });
  return internal();
}

export function writeError(c: Context, err: unknown, logger?: Logger): Response {
  const e = toKratosError(err, logger);
  if (e.status >= 500 && isKratosError(err) && err.cause) {
    logger?.error(e.reason ?? e.message, { cause: String(err.cause) });
  }
  return c.json(e.toJSON(), e.status as ContentfulStatusCode);
}
