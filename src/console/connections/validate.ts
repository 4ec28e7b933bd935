// Checks connection input before it is stored: http(s) URLs without credentials, query or fragment (the
// admin path is appended to them), a known colour, a sensible name and key.
import {
  CONNECTION_COLORS,
  CONSOLE_ERROR_IDS,
  type ConnectionColor,
  type ConnectionInput,
} from '../../shared/console-api';
import { ConsoleError } from '../errors';

export function invalid(reason: string): ConsoleError {
  return new ConsoleError(400, CONSOLE_ERROR_IDS.invalidConnection, reason);
}

/** Normalises an admin/public base URL: no trailing slash, so paths can be appended. */
export function normaliseBaseUrl(raw: unknown, field: string): string {
  if (typeof raw !== 'string' || raw.trim() === '') throw invalid(`${field} is required.`);
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw invalid(`${field} is not a valid URL: "${raw}".`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw invalid(`${field} must use http or https.`);
  if (url.username || url.password) {
    throw invalid(`${field} must not contain a user name or password; put the API key in its own field.`);
  }
  if (url.search || url.hash) throw invalid(`${field} must not have a query or fragment.`);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

export function parseColor(raw: unknown): ConnectionColor {
  if (typeof raw === 'string' && (CONNECTION_COLORS as readonly string[]).includes(raw)) {
    return raw as ConnectionColor;
  }
  throw invalid(`color must be one of ${CONNECTION_COLORS.join(', ')}.`);
}

export function parseName(raw: unknown): string {
  if (typeof raw !== 'string' || raw.trim() === '') throw invalid('name is required.');
  if (raw.trim().length > 80) throw invalid('name must be at most 80 characters.');
  return raw.trim();
}

export function parseApiKey(raw: unknown): string | null | undefined {
  if (raw === undefined || raw === null) return raw;
  if (typeof raw !== 'string') throw invalid('apiKey must be a string or null.');
  const key = raw.trim();
  if (key === '') return null;
  // The key goes into an Authorization header: refuse anything that could split it.
  if (!/^[\x21-\x7e]+$/.test(key) || key.length > 4096) {
    throw invalid('apiKey must be printable ASCII without spaces (an Ory API key or a bearer token).');
  }
  return key.replace(/^Bearer\s+/i, '');
}

export interface ParsedConnectionInput {
  name: string;
  adminUrl: string;
  publicUrl: string;
  color: ConnectionColor;
  production: boolean;
  apiKey: string | null | undefined;
}

export function parseConnectionInput(body: unknown): ParsedConnectionInput {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw invalid('Expected a JSON object.');
  const b = body as Partial<Record<keyof ConnectionInput, unknown>>;
  const adminUrl = normaliseBaseUrl(b.adminUrl, 'adminUrl');
  const publicUrl =
    b.publicUrl === undefined || b.publicUrl === null || b.publicUrl === ''
      ? adminUrl
      : normaliseBaseUrl(b.publicUrl, 'publicUrl');
  if (b.production !== undefined && typeof b.production !== 'boolean')
    throw invalid('production must be a boolean.');
  return {
    name: parseName(b.name),
    adminUrl,
    publicUrl,
    color: parseColor(b.color ?? 'blue'),
    production: b.production === true,
    apiKey: parseApiKey(b.apiKey),
  };
}
