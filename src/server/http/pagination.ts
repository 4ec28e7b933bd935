// Pagination as Kratos does it: keyset (`page_size`/`page_token`, Link rel first/next), legacy page
// (`page`/`per_page`, Link + X-Total-Count, refused past 1000 items) and the migration paginator of the
// list endpoints that still count. Keyset tokens are opaque: the last id sealed with AES-256-GCM under
// `secrets.pagination`, so a tampered token is a 400, never a query.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { badRequest } from '../errors/errors';

export const PAGE_TOKEN_INVALID = 'The page token is invalid, do not craft your own page tokens';

export class PageTokenSealer {
  private readonly keys: Buffer[];

  constructor(secrets: string[], context: string) {
    // The context binds a token to one list (identities, sessions, ...).
    this.keys = secrets.map((s) =>
      createHash('sha256').update(`gatehouse-page-token:${context}:${s}`).digest(),
    );
  }

  seal(value: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys[0] as Buffer, iv);
    const body = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  /** The sealed value, or a 400 when the token was not sealed by us (or was altered). */
  open(token: string): string {
    const raw = /^[A-Za-z0-9_-]+$/.test(token) ? Buffer.from(token, 'base64url') : Buffer.alloc(0);
    if (raw.length >= 29) {
      for (const key of this.keys) {
        try {
          const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
          decipher.setAuthTag(raw.subarray(12, 28));
          return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
        } catch {
          // try the next (older) secret
        }
      }
    }
    throw badRequest(PAGE_TOKEN_INVALID);
  }
}

export type Pagination =
  | { kind: 'keyset'; size: number; token: string | undefined }
  | { kind: 'page'; page: number; perPage: number };

const LEGACY_LIMIT = 1000;

/** x.ParseKeysetOrPagePagination with the identity list's defaults (250, max 500). */
export function parseKeysetOrPage(query: URLSearchParams, defaults = { size: 250, max: 500 }): Pagination {
  const q = new URLSearchParams(query);
  if (!q.has('page_token') && !q.has('page_size') && q.has('page')) {
    const page = Math.max(0, parseIntOr(q.get('page'), 0));
    let perPage = parseIntOr(q.get('per_page'), 250);
    perPage = Math.min(Math.max(perPage, 1), 500);
    if (page * perPage > LEGACY_LIMIT) {
      throw badRequest(
        `Legacy pagination is not supported for enumerating over ${LEGACY_LIMIT} items. Please switch to using page_token and page_size.`,
      );
    }
    return { kind: 'page', page, perPage };
  }
  if (q.has('per_page') && !q.has('page_size')) q.set('page_size', q.get('per_page') as string);
  const rawSize = firstNonEmpty(q.getAll('page_size'));
  let size = defaults.size;
  if (rawSize !== undefined) {
    if (!/^[+-]?\d+$/.test(rawSize))
      throw badRequest(`strconv.Atoi: parsing ${JSON.stringify(rawSize)}: invalid syntax`);
    size = Number(rawSize);
    if (size <= 0) size = defaults.size;
  }
  return { kind: 'keyset', size: Math.min(size, defaults.max), token: firstNonEmpty(q.getAll('page_token')) };
}

function firstNonEmpty(values: string[]): string | undefined {
  return values.find((v) => v !== '');
}

function parseIntOr(v: string | null, fallback: number): number {
  return v !== null && /^[+-]?\d+$/.test(v) ? Number(v) : fallback;
}

/** `Link: <...page_token=first>; rel="first",<...page_token=next>; rel="next"` (next omitted on the last page). */
export function keysetLinkHeader(
  url: URL,
  size: number,
  firstToken: string,
  nextToken: string | undefined,
): string {
  const link = (rel: string, token: string): string => {
    const u = new URL(url);
    u.searchParams.set('page_token', token);
    u.searchParams.set('page_size', String(size));
    sortParams(u);
    return `<${u.toString()}>; rel="${rel}"`;
  };
  return [link('first', firstToken), ...(nextToken ? [link('next', nextToken)] : [])].join(',');
}

type Formatter = (rel: string, perPage: number, offset: number) => string;

/** ory/x pagination.HeaderWithFormatter: the Link and X-Total-Count of page pagination, quirks included. */
export function pageLinkHeaders(
  url: URL,
  total: number,
  page: number,
  perPage: number,
  style: 'page' | 'migration' = 'page',
): Record<string, string> {
  const format: Formatter = (rel, limit, offset) => {
    const u = new URL(url);
    if (style === 'migration') {
      u.searchParams.set('page_size', String(limit));
      u.searchParams.set('page_token', Buffer.from(`{"offset":"${offset}","v":2}`).toString('base64url'));
    }
    u.searchParams.set('per_page', String(limit));
    u.searchParams.set('page', String(Math.trunc(offset / limit)));
    sortParams(u);
    return `<${u.toString()}>; rel="${rel}"`;
  };
  const per = Math.max(perPage, 1);
  const offset = page * per;
  const lastOffset = total % per === 0 ? total - per : Math.floor(total / per) * per;
  const headers: Record<string, string> = { 'X-Total-Count': String(total) };
  if (offset >= lastOffset) {
    if (total === 0) {
      headers.Link = [
        format('first', per, 0),
        format('next', per, (offset / per + 1) * per),
        format('prev', per, (offset / per - 1) * per),
      ].join(',');
    } else if (total <= per) {
      headers.Link = format('first', total, 0);
    } else {
      headers.Link = [format('first', per, 0), format('prev', per, lastOffset - per)].join(',');
    }
  } else if (offset < per) {
    headers.Link = [format('next', per, per), format('last', per, lastOffset)].join(',');
  } else {
    headers.Link = [
      format('first', per, 0),
      format('next', per, (Math.floor(offset / per) + 1) * per),
      format('prev', per, (Math.floor(offset / per) - 1) * per),
      format('last', per, lastOffset),
    ].join(',');
  }
  return headers;
}

/** migrationpagination.ParsePagination: token pagination when page_token/page_size is present, else page. */
export function parseMigrationPagination(query: URLSearchParams): { page: number; perPage: number } {
  if (query.has('page_token') || query.has('page_size')) {
    let perPage = parseIntOr(query.get('page_size'), 250);
    perPage = Math.min(Math.max(perPage, 1), 1000);
    let offset = 0;
    const token = query.get('page_token');
    if (token) {
      try {
        const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { offset?: string };
        offset = Math.max(0, Number.parseInt(parsed.offset ?? '0', 10) || 0);
      } catch {
        offset = 0;
      }
    }
    return { page: Math.floor(offset / perPage), perPage };
  }
  const page = Math.max(0, parseIntOr(query.get('page'), 0));
  const perPage = Math.min(Math.max(parseIntOr(query.get('per_page'), 250), 1), 1000);
  return { page, perPage };
}

/** Go's url.Values.Encode sorts keys. */
function sortParams(u: URL): void {
  u.searchParams.sort();
}
