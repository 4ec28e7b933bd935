// Courier messages and dispatch records (courier/message.go, courier/message_dispatch.go) and their
// admin-API JSON. Kratos keeps the template data and the request headers with each message so the
// HTTP channel can build its payload later; Gatehouse also keeps the rendered HTML for the console.
import { badRequest } from '../errors/errors';
import { goTimeJSON } from '../text/gofmt';

export const MESSAGE_STATUSES = ['queued', 'sent', 'processing', 'abandoned'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/** Kratos writes `sms` although its OpenAPI document says `phone` (kratos-api.md §g.1, SPEC≠CODE). */
export type MessageType = 'email' | 'sms';

export type DispatchStatus = 'failed' | 'success';

export const TEMPLATE_TYPES = [
  'recovery_invalid',
  'recovery_valid',
  'recovery_code_invalid',
  'recovery_code_valid',
  'verification_invalid',
  'verification_valid',
  'verification_code_invalid',
  'verification_code_valid',
  'stub',
  'login_code_valid',
  'registration_code_valid',
  'verifiable_address_changed',
  'authenticator_key_added',
] as const;
export type TemplateType = (typeof TEMPLATE_TYPES)[number];

export function isTemplateType(v: unknown): v is TemplateType {
  return typeof v === 'string' && (TEMPLATE_TYPES as readonly string[]).includes(v);
}

/** What the admin API shows instead of bodies and subjects outside dev mode (courier/handler.go). */
export const REDACTED = '<redacted-unless-dev-mode>';

/** herodot's DefaultError JSON, as Kratos stores a failed dispatch's error. */
export interface DispatchError {
  code: number;
  status: string;
  reason?: string;
  message: string;
}

export interface MessageDispatch {
  id: string;
  messageId: string;
  status: DispatchStatus;
  error: DispatchError | null;
  createdAt: string;
  updatedAt: string;
}

export interface Message {
  id: string;
  status: MessageStatus;
  type: MessageType;
  /** `email`, `sms` or a configured channel id. */
  channel: string;
  recipient: string;
  subject: string;
  /** Email: the plaintext rendering; SMS: the text. */
  body: string;
  /** The rendered HTML body (email only, '' otherwise). Not part of Kratos's JSON. */
  htmlBody: string;
  templateType: TemplateType;
  /** The template model with Kratos's JSON field names (`recovery_code`, `expires_in_minutes`, ...). */
  templateData: Record<string, unknown>;
  /** Headers of the request that caused the message (Kratos passes them to HTTP channel bodies). */
  requestHeaders: Record<string, string[]>;
  sendCount: number;
  /** Earliest time of the next delivery attempt (retry backoff); null means now. */
  nextAttemptAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** Newest first; only loaded for a single message. */
  dispatches?: MessageDispatch[];
}

/** Parses the `status` filter like ToMessageStatus: exact names only, anything else is a 400. */
export function parseMessageStatus(s: string): MessageStatus {
  if ((MESSAGE_STATUSES as readonly string[]).includes(s)) return s as MessageStatus;
  throw badRequest('Message status is not valid');
}

export function dispatchJSON(d: MessageDispatch): Record<string, unknown> {
  return {
    id: d.id,
    message_id: d.messageId,
    status: d.status,
    // Kratos writes `"error": null` for successful dispatches (sqlxx.JSONRawMessage of SQL NULL); the
    // OpenAPI document says object, so Gatehouse omits it instead, which every client reads the same.
    ...(d.error ? { error: d.error } : {}),
    created_at: goTimeJSON(new Date(d.createdAt)),
    updated_at: goTimeJSON(new Date(d.updatedAt)),
  };
}

/** The admin API JSON of a message, in the field order of Kratos's Message struct. */
export function messageJSON(m: Message, opts: { redact: boolean }): Record<string, unknown> {
  return {
    id: m.id,
    status: m.status,
    type: m.type,
    recipient: m.recipient,
    body: opts.redact ? REDACTED : m.body,
    subject: opts.redact ? REDACTED : m.subject,
    template_type: m.templateType,
    channel: m.channel,
    send_count: m.sendCount,
    ...(m.dispatches && m.dispatches.length > 0 ? { dispatches: m.dispatches.map(dispatchJSON) } : {}),
    created_at: goTimeJSON(new Date(m.createdAt)),
    updated_at: goTimeJSON(new Date(m.updatedAt)),
  };
}
