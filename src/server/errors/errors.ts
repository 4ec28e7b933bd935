// The one Kratos-shaped error type (herodot's DefaultError). Every failure a client can observe is a
// KratosError; the error writer is the only place that serialises it.

export type ErrorDetails = Record<string, unknown>;

export interface KratosErrorInit {
  status: number;
  id?: string;
  reason?: string;
  message?: string;
  details?: ErrorDetails;
  /** Extra top-level fields some errors carry beside `error` (e.g. `redirect_browser_to`, `use_flow_id`). */
  extra?: Record<string, unknown>;
  /** Internal cause, logged but never sent to clients. */
  cause?: unknown;
}

const defaultMessages: Record<number, string> = {
  400: 'The request was malformed or contained invalid parameters',
  401: 'The request could not be authorized',
  403: 'The requested action was forbidden',
  404: 'The requested resource could not be found',
  409: 'The resource could not be created due to a conflict',
  410: 'The requested resource is no longer available because it has expired or is otherwise invalid.',
  413: 'The request body is too large',
  415: 'The request media type is not supported',
  422: 'The request was well-formed but was unable to be followed due to semantic errors',
  500: 'An internal server error occurred, please contact the system administrator',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

const statusTexts: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  413: 'Request Entity Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function statusText(status: number): string {
  return statusTexts[status] ?? 'Unknown';
}

export class KratosError extends Error {
  readonly status: number;
  readonly id: string | undefined;
  readonly reason: string | undefined;
  readonly details: ErrorDetails | undefined;
  readonly extra: Record<string, unknown> | undefined;

  constructor(init: KratosErrorInit) {
    super(init.message ?? defaultMessages[init.status] ?? statusText(init.status), { cause: init.cause });
    this.name = 'KratosError';
    this.status = init.status;
    this.id = init.id;
    this.reason = init.reason;
    this.details = init.details;
    this.extra = init.extra;
  }

  /** The inner herodot object, in herodot's field order. */
  toBody(): ErrorBody {
    const body: ErrorBody = { code: this.status, status: statusText(this.status), message: this.message };
    const ordered: ErrorBody = {
      ...(this.id ? { id: this.id } : {}),
      code: body.code,
      status: body.status,
      ...(this.reason ? { reason: this.reason } : {}),
      ...(this.details && Object.keys(this.details).length > 0 ? { details: this.details } : {}),
      message: body.message,
    };
    return ordered;
  }

  toJSON(): Record<string, unknown> {
    return { error: this.toBody(), ...(this.extra ?? {}) };
  }
}

export interface ErrorBody {
  id?: string;
  code: number;
  status: string;
  reason?: string;
  details?: ErrorDetails;
  message: string;
}

type Extras = Omit<KratosErrorInit, 'status' | 'reason'>;

export const badRequest = (reason?: string, more: Extras = {}): KratosError =>
  new KratosError({ status: 400, reason, ...more });
export const unauthorized = (reason?: string, more: Extras = {}): KratosError =>
  new KratosError({ status: 401, reason, ...more });
export const forbidden = (reason?: string, more: Extras = {}): KratosError =>
  new KratosError({ status: 403, reason, ...more });
export const notFound = (reason?: string, more: Extras = {}): KratosError =>
  new KratosError({ status: 404, reason, ...more });
export const conflict = (reason?: string, more: Extras = {}): KratosError =>
  new KratosError({ status: 409, reason, ...more });
export const gone = (reason?: string, more: Extras = {}): KratosError =>
  new KratosError({ status: 410, reason, ...more });
export const internal = (reason?: string, more: Extras = {}): KratosError =>
  new KratosError({ status: 500, reason, ...more });

/** A database row that does not exist: Kratos answers 404 "Unable to locate the resource" (sqlcon.ErrNoRows). */
export const noRows = (): KratosError =>
  new KratosError({ status: 404, message: 'Unable to locate the resource' });

export function isKratosError(err: unknown): err is KratosError {
  return err instanceof KratosError;
}
