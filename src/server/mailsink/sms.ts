// The SMS sink: a target for Kratos's courier `http` channel (courier.channels[].request_config.url). Kratos's
// default body is {recipient, template_type, to, recovery_code, recovery_url, verification_url,
// verification_code, subject, body}; custom Jsonnet bodies work too as long as they are JSON or form objects.
// The whole request object is kept; `to` (else `recipient`), `body`, `template_type` are lifted out.
import { randomUUID } from 'node:crypto';
import type { Context, Hono } from 'hono';
import { KratosError, badRequest } from '../errors/errors';
import { parseJson, readBodyText } from '../http/body';
import type { ApiContext } from './context';
import { smsJson } from './gatehouse-format';
import { goTimeJson } from './go-format';

/** Where to point Kratos: `POST http://127.0.0.1:8025/api/v1/sms` (also `/sms`, `/api/gatehouse/v1/sms`). */
export const SMS_INGEST_PATHS = ['/api/v1/sms', '/sms', '/api/gatehouse/v1/sms'] as const;

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

async function requestObject(
  c: Context,
  maxBytes: number,
): Promise<{ object: Record<string, unknown>; type: string }> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const text = await readBodyText(c, maxBytes);
  // `curl -d '{...}'` labels JSON as a form, fetch() with a string body as text/plain: take a JSON object
  // for what it is.
  if (type === 'application/x-www-form-urlencoded' || type === 'text/plain') {
    const object = jsonObject(text);
    if (object) return { object, type: 'application/json' };
  }
  if (type === 'application/x-www-form-urlencoded') {
    return { object: Object.fromEntries(new URLSearchParams(text)), type };
  }
  if (type === 'multipart/form-data') {
    let form: FormData;
    try {
      form = await new Response(text, {
        headers: { 'content-type': c.req.header('content-type') ?? '' },
      }).formData();
    } catch {
      throw badRequest('The multipart form body could not be parsed.');
    }
    const object: Record<string, unknown> = {};
    form.forEach((value, key) => {
      // defineProperty: a field named __proto__ stays a plain field.
      if (typeof value === 'string')
        Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
    });
    return { object, type };
  }
  if (type !== '' && type !== 'application/json' && !type.endsWith('+json') && type !== 'text/json') {
    throw new KratosError({
      status: 415,
      reason: 'The SMS sink accepts application/json or form bodies.',
      message: `unsupported content type "${type}"`,
    });
  }
  const parsed = parseJson(text);
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw badRequest(
      "The request body must be a JSON object, like the default body of Kratos's courier http channel.",
    );
  }
  return { object: parsed as Record<string, unknown>, type: type || 'application/json' };
}

function jsonObject(text: string): Record<string, unknown> | undefined {
  if (!text.trim().startsWith('{')) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

export async function ingestSms(c: Context, ctx: ApiContext): Promise<Response> {
  const { object, type } = await requestObject(c, ctx.maxSmsBytes);
  const now = ctx.manager.deps.clock.now().getTime();
  const body = object['body'];
  const stored = ctx.manager.receiveSms({
    id: randomUUID(),
    to: str(object['to']) || str(object['recipient']),
    body: typeof body === 'string' ? body : body === undefined || body === null ? '' : JSON.stringify(body),
    templateType: str(object['template_type']),
    messageType: str(object['message_type']) || 'sms',
    subject: str(object['subject']),
    contentType: type,
    request: JSON.stringify(object),
    createdAt: goTimeJson(now),
    createdMs: now,
  });
  return c.json(smsJson(stored), 201);
}

export function registerSmsIngest(app: Hono, ctx: ApiContext): void {
  for (const path of SMS_INGEST_PATHS) app.post(path, (c) => ingestSms(c, ctx));
}
