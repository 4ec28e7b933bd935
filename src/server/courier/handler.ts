// The admin courier API (courier/handler.go): list messages with keyset pagination and filters, and
// get one message with its dispatches. Bodies and subjects are redacted unless dev mode.
import type { Context } from 'hono';
import type { Clock } from '../clock';
import { KratosError, noRows } from '../errors/errors';
import { keysetLinkHeader, type PageTokenSealer } from '../http/pagination';
import { type MessageStatus, messageJSON, parseMessageStatus } from './model';
import type { CourierPersister, MessageCursor } from './persister';
import { parseGoUUID } from './uuid';

export const ROUTE_COURIER_MESSAGES = '/admin/courier/messages';
export const ROUTE_COURIER_MESSAGE = '/admin/courier/messages/:id';

/** keysetpagination_v2: 10 per page for the courier list, at most 500. */
export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 500;
const TOKEN_TTL_MS = 60 * 60_000;
const NIL_UUID = '00000000-0000-0000-0000-000000000000';
/** The first page starts here (courier.Message DefaultPageToken). */
const FIRST: MessageCursor = { createdAt: '2200-12-31T23:59:59.000Z', id: NIL_UUID };

export interface CourierHandlerDeps {
  persister: CourierPersister;
  /** Sealed with `secrets.pagination` and the context 'courier'. */
  pageTokens: PageTokenSealer;
  clock: Clock;
  isDev(): boolean;
}

export type Handler = (c: Context) => Response | Promise<Response>;

export function courierHandlers(deps: CourierHandlerDeps): { list: Handler; get: Handler } {
  const seal = (cursor: MessageCursor): string =>
    deps.pageTokens.seal(
      JSON.stringify({ c: cursor.createdAt, i: cursor.id, e: deps.clock.now().getTime() + TOKEN_TTL_MS }),
    );

  return {
    list(c) {
      const url = new URL(c.req.url);
      const q = url.searchParams;
      let status: MessageStatus | undefined;
      if (q.has('status')) status = parseMessageStatus(q.get('status') ?? '');
      const token = q.getAll('page_token').find((v) => v !== '');
      const after = token === undefined ? FIRST : openToken(deps, token);
      const size = pageSize(q.getAll('page_size').find((v) => v !== ''));
      const recipient = q.get('recipient') ?? '';
      const rows = deps.persister.listMessages({
        ...(status ? { status } : {}),
        ...(recipient !== '' ? { recipient } : {}),
        after,
        limit: size + 1,
      });
      const page = rows.slice(0, size);
      const last = page[page.length - 1];
      const next = rows.length > size && last ? seal({ createdAt: last.createdAt, id: last.id }) : undefined;
      c.header('Link', keysetLinkHeader(url, size, seal(FIRST), next));
      const redact = !deps.isDev();
      return c.json(page.map((m) => messageJSON(m, { redact })));
    },

    get(c) {
      const raw = c.req.param('id') ?? '';
      const parsed = parseGoUUID(raw);
      if (!parsed.ok) throw new KratosError({ status: 400, message: parsed.error });
      const message = deps.persister.getMessage(parsed.uuid);
      if (!message) throw noRows();
      return c.json(messageJSON(message, { redact: !deps.isDev() }));
    },
  };
}

/** ParseQueryParams' page_size: strconv.Atoi, then the paginator's default and maximum. */
function pageSize(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_PAGE_SIZE;
  if (!/^[+-]?\d+$/.test(raw)) {
    throw new KratosError({
      status: 400,
      message: `strconv.Atoi: parsing ${JSON.stringify(raw)}: invalid syntax`,
    });
  }
  const n = Number(raw);
  if (!Number.isSafeInteger(n)) {
    throw new KratosError({
      status: 400,
      message: `strconv.Atoi: parsing ${JSON.stringify(raw)}: value out of range`,
    });
  }
  if (n <= 0) return DEFAULT_PAGE_SIZE;
  return Math.min(n, MAX_PAGE_SIZE);
}

const invalidToken = (): KratosError => new KratosError({ status: 400, message: 'invalid pagination token' });

function openToken(deps: CourierHandlerDeps, token: string): MessageCursor {
  let payload: unknown;
  try {
    payload = JSON.parse(deps.pageTokens.open(token));
  } catch {
    throw invalidToken();
  }
  const p = payload as { c?: unknown; i?: unknown; e?: unknown };
  if (typeof p.c !== 'string' || typeof p.i !== 'string' || typeof p.e !== 'number') throw invalidToken();
  if (p.e < deps.clock.now().getTime()) {
    throw new KratosError({ status: 400, message: 'page token expired, do not persist page tokens' });
  }
  return { createdAt: p.c, id: p.i };
}
