// Errors the console backend raises itself, in Kratos's `{error:{...}}` shape so the renderer shows every
// failure, local or upstream, the same way.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

const statusTexts: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Request Entity Too Large',
  421: 'Misdirected Request',
  423: 'Locked',
  428: 'Precondition Required',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  504: 'Gateway Timeout',
};

export class ConsoleError extends Error {
  constructor(
    readonly status: number,
    readonly id: string,
    readonly reason: string,
    message?: string,
  ) {
    super(message ?? statusTexts[status] ?? 'Error');
    this.name = 'ConsoleError';
  }

  toJSON(): { error: Record<string, unknown> } {
    return {
      error: {
        id: this.id,
        code: this.status,
        status: statusTexts[this.status] ?? 'Error',
        reason: this.reason,
        message: this.message,
      },
    };
  }
}

export function errorResponse(c: Context, err: unknown): Response {
  const e =
    err instanceof ConsoleError
      ? err
      : new ConsoleError(500, 'gatehouse_console_internal', 'The console backend failed unexpectedly.');
  return c.json(e.toJSON(), e.status as ContentfulStatusCode);
}
