// The console backend client: same-origin fetch (the HttpOnly cookie authenticates), JSON in and out, and
// one error type that carries Kratos's error fields so every screen can show id, reason and message.
import type { KratosErrorBody } from '../../shared/kratos';

export const UNAUTHORIZED_EVENT = 'gatehouse:unauthorized';

export class ApiError extends Error {
  readonly status: number;
  readonly id: string | undefined;
  readonly reason: string | undefined;
  readonly details: Record<string, unknown> | undefined;
  readonly requestId: string | undefined;

  constructor(status: number, body: Partial<KratosErrorBody['error']> | undefined, fallback: string) {
    super(body?.message || fallback);
    this.name = 'ApiError';
    this.status = status;
    this.id = body?.id;
    this.reason = body?.reason;
    this.details = body?.details;
    this.requestId = body?.request;
  }
}

export interface ApiResponse<T> {
  data: T;
  headers: Headers;
  status: number;
}

export interface ApiInit extends Omit<RequestInit, 'body'> {
  json?: unknown;
  body?: BodyInit;
}

export async function apiRequest<T>(path: string, init: ApiInit = {}): Promise<ApiResponse<T>> {
  const headers = new Headers(init.headers);
  headers.set('accept', 'application/json');
  let body = init.body;
  if (init.json !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(init.json);
  }
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers, body: body ?? null, credentials: 'same-origin' });
  } catch (err) {
    throw new ApiError(
      0,
      { reason: String(err) },
      'The console backend is not reachable. Is Gatehouse running?',
    );
  }
  const text = res.status === 204 ? '' : await res.text();
  let parsed: unknown = undefined;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  if (!res.ok) {
    const errorBody = (parsed as Partial<KratosErrorBody> | undefined)?.error;
    const error = new ApiError(
      res.status,
      typeof errorBody === 'object'
        ? errorBody
        : { reason: typeof parsed === 'string' ? parsed.slice(0, 500) : undefined },
      `${res.status} ${res.statusText}`,
    );
    if (res.status === 401 && error.id === 'gatehouse_console_unauthorized') {
      window.dispatchEvent(new CustomEvent(UNAUTHORIZED_EVENT));
    }
    throw error;
  }
  return { data: parsed as T, headers: res.headers, status: res.status };
}

export async function apiJson<T>(path: string, init: ApiInit = {}): Promise<T> {
  return (await apiRequest<T>(path, init)).data;
}

/** A human sentence for any error (notifications, alerts). */
export function describeError(error: unknown): { title: string; message: string; id?: string } {
  if (error instanceof ApiError) {
    return {
      title: error.message,
      message: error.reason ?? (error.status ? `HTTP ${error.status}` : ''),
      ...(error.id ? { id: error.id } : {}),
    };
  }
  return { title: 'Something went wrong', message: error instanceof Error ? error.message : String(error) };
}
