// MailHog's HTTP API v1 and v2 (mailhog/MailHog-Server api/v1.go, api/v2.go) with its wire format and
// quirks. Where MailHog crashes (download, part download or release of an unknown id dereference nil and
// drop the connection) the sink answers 404 instead.
import type { Context, Hono } from 'hono';
import { readBodyText } from '../http/body';
import { goJson } from './go-format';
import { type ApiContext, goNotFound, goParseInt, raw, UNTRUSTED_CONTENT_HEADERS } from './context';
import { mailhogDownload, mailhogMessage, parseMailHog } from './mailhog-format';
import { mailpitIds } from './mailpit-format';
import type { MailRecord } from './model';
import type { MailFilter } from './persister';
import { decodeReleaseConfig, release } from './release';

export const MAILHOG_PATHS = {
  v1Messages: '/api/v1/messages',
  v1Message: '/api/v1/messages/:id',
  v1Download: '/api/v1/messages/:id/download',
  v1PartDownload: '/api/v1/messages/:id/mime/part/:part/download',
  v1Release: '/api/v1/messages/:id/release',
  v1Events: '/api/v1/events',
  v2Messages: '/api/v2/messages',
  v2Search: '/api/v2/search',
  v2Jim: '/api/v2/jim',
  v2OutgoingSmtp: '/api/v2/outgoing-smtp',
  v2Websocket: '/api/v2/websocket',
} as const;

const V1_LIST_LIMIT = 1000;
const V2_DEFAULT_LIMIT = 50;
const V2_MAX_LIMIT = 250;
const TEXT_JSON = 'text/json';
const RELEASE_BODY_BYTES = 64 * 1024;
// A Mailpit client may send thousands of IDs.
const DELETE_BODY_BYTES = 1024 * 1024;

const SEARCH_COLUMNS = { from: 'mh_from', to: 'mh_to', containing: 'mh_containing' } as const;

// Headers of a MIME part that must not be copied onto the HTTP response: they would corrupt its framing.
const HOP_BY_HOP = new Set([
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'upgrade',
  'trailer',
]);

type Raw = MailRecord & { raw: Buffer };

function withRaw(ctx: ApiContext, id: string): Raw | undefined {
  const rec = ctx.manager.store.findMail(id, { withRaw: true });
  return rec?.raw ? { ...rec, raw: rec.raw } : undefined;
}

function startLimit(c: Context): { start: number; limit: number } {
  const s = goParseInt(c.req.query('start'));
  const l = goParseInt(c.req.query('limit'));
  return {
    start: s !== undefined && s > 0 ? s : 0,
    limit: l !== undefined && l > 0 ? Math.min(l, V2_MAX_LIMIT) : V2_DEFAULT_LIMIT,
  };
}

function messagesJson(
  ctx: ApiContext,
  filters: MailFilter[],
  start: number,
  limit: number,
  total: number,
): string {
  const items =
    start >= total
      ? []
      : ctx.manager.store
          .listMail({ filters, offset: start, limit, withRaw: true })
          .map((m) => mailhogMessage({ ...m, raw: m.raw ?? Buffer.alloc(0) }));
  return goJson({ total, count: items.length, start, items });
}

export function registerMailHog(app: Hono, ctx: ApiContext): void {
  const p = MAILHOG_PATHS;
  const store = ctx.manager.store;

  app.get(p.v1Messages, (c) => {
    const items = store
      .listMail({ limit: V1_LIST_LIMIT, withRaw: true })
      .map((m) => mailhogMessage({ ...m, raw: m.raw ?? Buffer.alloc(0) }));
    return raw(c, 200, goJson(items), TEXT_JSON);
  });

  app.delete(p.v1Messages, async (c) => {
    // MailHog clients send no body. A Mailpit client's {"IDs":[...]} deletes only those (answered the
    // Mailpit way) rather than everything, so that pointing a Mailpit client at the root loses nothing.
    const text = await readBodyText(c, DELETE_BODY_BYTES);
    if (text.trim() !== '') {
      const ids = mailpitIds(text);
      if (ids === undefined)
        return raw(c, 400, 'invalid request body: expected {"IDs": [...]} or nothing', 'text/plain');
      if (ids.length > 0) {
        ctx.manager.deleteMail(ids);
        return raw(c, 200, 'ok', 'text/plain');
      }
    }
    ctx.manager.deleteAllMail();
    return raw(c, 200, null, TEXT_JSON);
  });

  app.get(p.v1Message, (c) => {
    const rec = withRaw(ctx, c.req.param('id'));
    // MailHog's memory storage answers an unknown id with 200 and a JSON null.
    return raw(c, 200, rec ? goJson(mailhogMessage(rec)) : 'null', TEXT_JSON);
  });

  app.delete(p.v1Message, (c) => {
    const deleted = ctx.manager.deleteMail([c.req.param('id')]);
    return raw(c, deleted.length > 0 ? 200 : 500, null, TEXT_JSON);
  });

  app.get(p.v1Download, (c) => {
    const id = c.req.param('id');
    const rec = withRaw(ctx, id);
    if (!rec) return goNotFound(c);
    return raw(c, 200, mailhogDownload(parseMailHog(rec)), 'message/rfc822', {
      ...UNTRUSTED_CONTENT_HEADERS,
      'Content-Disposition': `attachment; filename="${id}.eml"`,
    });
  });

  app.get(p.v1PartDownload, (c) => partDownload(c, ctx));

  app.post(p.v1Release, async (c) => {
    const rec = withRaw(ctx, c.req.param('id'));
    if (!rec) return goNotFound(c);
    const text = await readBodyText(c, RELEASE_BODY_BYTES);
    let cfg;
    try {
      cfg = decodeReleaseConfig(JSON.parse(text));
    } catch {
      cfg = undefined;
    }
    if (!cfg) return raw(c, 500, 'Error decoding request body', TEXT_JSON);
    const outcome = await release(
      cfg,
      ctx.outgoing,
      mailhogDownload(parseMailHog(rec)),
      `nobody@${ctx.manager.hostname}`,
      ctx.releaseTimeoutMs,
    );
    if (outcome.error) ctx.logger.info('mailhog release failed', { id: rec.id, error: outcome.error });
    return raw(c, outcome.status, null, TEXT_JSON);
  });

  app.get(p.v1Events, (c) => ctx.mailhogLive.eventsResponse(c.req.raw.signal, {}));

  app.get(p.v2Messages, (c) => {
    const { start, limit } = startLimit(c);
    return raw(c, 200, messagesJson(ctx, [], start, limit, store.countMail()), TEXT_JSON);
  });

  app.get(p.v2Search, (c) => {
    const { start, limit } = startLimit(c);
    const kind = c.req.query('kind');
    if (kind !== 'from' && kind !== 'to' && kind !== 'containing') return raw(c, 400, null);
    const query = c.req.query('query') ?? '';
    if (query === '') return raw(c, 400, null);
    const filters: MailFilter[] = [
      { kind: 'contains', columns: [SEARCH_COLUMNS[kind]], value: query.toLowerCase() },
    ];
    const total = store.countMail(filters);
    // MailHog quirk: a start past the matches reports total 0.
    const body =
      start > total
        ? goJson({ total: 0, count: 0, start, items: [] })
        : messagesJson(ctx, filters, start, limit, total);
    return raw(c, 200, body, 'application/json');
  });

  // Jim, MailHog's chaos monkey, is not emulated: it reads as switched off.
  app.get(p.v2Jim, (c) => raw(c, 404, null));
  app.put(p.v2Jim, (c) => raw(c, 404, null));
  app.delete(p.v2Jim, (c) => raw(c, 404, null));
  app.post(p.v2Jim, (c) => raw(c, 501, 'Jim (the chaos monkey) is not emulated by Gatehouse', 'text/plain'));

  app.get(p.v2OutgoingSmtp, (c) => raw(c, 200, goJson(Object.fromEntries(ctx.outgoing)), 'application/json'));

  // The upgrade itself is handled on the HTTP server; a plain GET lands here.
  app.get(p.v2Websocket, (c) => raw(c, 400, 'Bad Request', 'text/plain; charset=utf-8'));
}

function partDownload(c: Context, ctx: ApiContext): Response {
  const id = c.req.param('id') ?? '';
  const part = c.req.param('part') ?? '';
  const rec = withRaw(ctx, id);
  if (!rec) return goNotFound(c);
  // strconv.Atoi with the error ignored: anything unparsable is part 0.
  const parsedIndex = goParseInt(part);
  const index = parsedIndex !== undefined && /^[+-]?\d{1,18}$/.test(part) ? parsedIndex : 0;
  const parts = parseMailHog(rec).mime;
  const chosen = parts?.[index];
  if (!chosen || index < 0) return goNotFound(c);
  const headers = new Headers({
    ...UNTRUSTED_CONTENT_HEADERS,
    'Content-Disposition': `attachment; filename="${id}-part-${part}"`,
  });
  let encoding = '';
  for (const name of [...chosen.headers.keys()].sort()) {
    const lower = name.toLowerCase();
    if (HOP_BY_HOP.has(lower)) continue;
    for (const value of chosen.headers.get(name) ?? []) {
      try {
        if (lower === 'content-disposition') headers.set(name, value);
        else headers.append(name, value);
      } catch {
        // A header name or value HTTP cannot carry is skipped rather than failing the download.
      }
      if (lower === 'content-transfer-encoding' && encoding === '') encoding = value;
    }
  }
  const bytes =
    encoding.toLowerCase() === 'base64'
      ? Buffer.from(chosen.body, 'base64')
      : Buffer.from(chosen.body, 'latin1');
  return new Response(new Uint8Array(bytes), { status: 200, headers });
}
