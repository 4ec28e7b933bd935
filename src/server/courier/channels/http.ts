// The HTTP channel (courier/http_channel.go, request/builder.go): `courier.delivery_strategy: http`
// for email and `courier.channels[]` for SMS. Kratos renders the request body with a Jsonnet
// template; Jsonnet is not evaluated yet (a later issue), so Gatehouse always sends what Kratos's
// default template produces, as Jsonnet prints it (keys sorted, three-space indent):
//   {"body", "recipient", "recovery_code", "recovery_url", "subject", "template_type", "to",
//    "verification_code", "verification_url"}
// with the template_data fields null when the template type has no such field.
import type { Logger } from '../../logger';
import type { RequestConfig } from '../config';
import type { Message } from '../model';
import { type Channel, DispatchFailure, internalError } from './channel';

const TIMEOUT_MS = 10_000;
const FORM = 'application/x-www-form-urlencoded';

/** What Kratos's default body Jsonnet (embedx/config.schema.json httpRequestConfig) produces. */
export function defaultHttpBody(msg: Message): Record<string, unknown> {
  const data = msg.templateData;
  const fromData = (k: string): unknown => (Object.hasOwn(data, k) ? data[k] : null);
  return {
    body: msg.body,
    recipient: msg.recipient,
    recovery_code: fromData('recovery_code'),
    recovery_url: fromData('recovery_url'),
    subject: msg.subject,
    template_type: msg.templateType,
    to: fromData('to'),
    verification_code: fromData('verification_code'),
    verification_url: fromData('verification_url'),
  };
}

/** Jsonnet's manifestation: sorted keys, three spaces of indentation, a final newline. */
export function jsonnetManifest(value: Record<string, unknown>): string {
  const sorted = Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `${JSON.stringify(sorted, null, 3)}\n`;
}

/** Go's url.Error operation name: "Post", "Get", ... */
function goOp(method: string): string {
  return method.charAt(0) + method.slice(1).toLowerCase();
}

export function requestHeaders(request: RequestConfig): Headers {
  const headers = new Headers();
  for (const [k, v] of Object.entries(request.headers ?? {})) headers.set(k, v);
  if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  const auth = request.auth;
  if (auth?.type === 'basic_auth') {
    const token = Buffer.from(`${auth.config.user}:${auth.config.password}`, 'utf8').toString('base64');
    headers.set('authorization', `Basic ${token}`);
  } else if (auth?.type === 'api_key') {
    if (auth.config.in === 'cookie') {
      const cookie = `${auth.config.name}=${auth.config.value}`;
      const existing = headers.get('cookie');
      headers.set('cookie', existing ? `${existing}; ${cookie}` : cookie);
    } else {
      headers.set(auth.config.name, auth.config.value);
    }
  }
  return headers;
}

export class HttpChannel implements Channel {
  constructor(
    readonly id: string,
    private readonly request: RequestConfig,
    private readonly logger: Logger,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  async dispatch(msg: Message): Promise<void> {
    const method = (this.request.method || 'POST').toUpperCase();
    const url = this.request.url ?? '';
    const headers = requestHeaders(this.request);
    const contentType = (headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
    const payload = defaultHttpBody(msg);
    let body: string | undefined;
    if (method !== 'TRACE' && method !== 'GET' && method !== 'HEAD') {
      if (contentType === FORM) {
        const form = new URLSearchParams();
        for (const [k, v] of Object.entries(payload)) if (typeof v === 'string') form.append(k, v);
        body = form.toString();
      } else if (contentType === 'application/json') {
        body = jsonnetManifest(payload);
      } else {
        throw new DispatchFailure(
          internalError('invalid config - incorrect Content-Type for request with body'),
        );
      }
    }

    let res: Response;
    try {
      res = await this.fetchImpl(url, {
        method,
        headers,
        ...(body !== undefined ? { body } : {}),
        redirect: 'follow',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (e) {
      throw new DispatchFailure(internalError(`${goOp(method)} ${JSON.stringify(url)}: ${networkReason(e)}`));
    }
    // Read (at most) the start of the answer for the log, and release the connection.
    const answer = (await res.text().catch(() => '')).slice(0, 1024);
    if (res.status >= 200 && res.status < 300) return;
    const message = `unable to dispatch mail delivery because upstream server replied with status code ${res.status}`;
    this.logger.error('sending mail via HTTP failed.', {
      http_server: url,
      message_id: msg.id,
      http_response_body: answer,
      error: message,
    });
    throw new DispatchFailure(internalError(message));
  }
}

function networkReason(e: unknown): string {
  if (e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError')) {
    return 'context deadline exceeded (Client.Timeout exceeded while awaiting headers)';
  }
  const cause = e instanceof Error ? (e.cause as { message?: string } | undefined) : undefined;
  if (cause?.message) return cause.message;
  if (e instanceof TypeError && /invalid url|failed to parse url/i.test(e.message))
    return 'unsupported protocol scheme ""';
  return e instanceof Error ? e.message : String(e);
}
