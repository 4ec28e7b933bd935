// The Mailpit v1 API subset (axllent/mailpit server/apiv1). It is served whole under the /mailpit webroot
// (Mailpit's own MP_WEBROOT feature, which Mailpit clients already support), and at the root for every
// path MailHog does not use: only GET and DELETE /api/v1/messages mean MailHog's there.
import type { Context, Hono } from 'hono';
import { readBodyText } from '../http/body';
import { type ApiContext, goParseInt, raw, UNTRUSTED_CONTENT_HEADERS } from './context';
import { goJson } from './go-format';
import {
  linkInlineImages,
  mailpitHeaders,
  mailpitIds,
  mailpitMessage,
  mailpitSummary,
} from './mailpit-format';
import { mailpitFilters, searchDate } from './mailpit-search';
import type { MailRecord } from './model';
import type { MailFilter } from './persister';

export const MAILPIT_WEBROOT = '/mailpit';

export const MAILPIT_PATHS = {
  messages: '/api/v1/messages',
  search: '/api/v1/search',
  message: '/api/v1/message/:id',
  headers: '/api/v1/message/:id/headers',
  raw: '/api/v1/message/:id/raw',
  part: '/api/v1/message/:id/part/:partId',
  info: '/api/v1/info',
  view: '/view/:file',
  livez: '/livez',
  readyz: '/readyz',
} as const;

const BODY_BYTES = 1024 * 1024;
const JSON_TYPE = 'application/json';

const param = (c: Context, name: string): string => c.req.param(name) ?? '';
const json = (c: Context, value: unknown): Response => raw(c, 200, `${goJson(value)}\n`, JSON_TYPE);
const badRequest = (c: Context, message: string): Response => raw(c, 400, message, 'text/plain');
const notFound = (c: Context, message = '404 page not found'): Response => raw(c, 404, message, 'text/plain');

interface Paging {
  start: number;
  limit: number;
  filters: MailFilter[];
}

function paging(c: Context): Paging {
  const s = goParseInt(c.req.query('start'));
  const l = goParseInt(c.req.query('limit'));
  const before = c.req.query('before');
  const beforeMs = before ? searchDate(before) : undefined;
  return {
    start: s !== undefined && s > 0 ? s : 0,
    limit: l !== undefined && l > -1 ? l : 50,
    filters:
      beforeMs !== undefined ? [{ kind: 'compare', column: 'created_ms', op: '<', value: beforeMs }] : [],
  };
}

/** Registers the Mailpit routes under `base` ('' for the root, where MailHog keeps GET/DELETE messages). */
export function registerMailpit(app: Hono, ctx: ApiContext, base: string): void {
  const p = MAILPIT_PATHS;
  const store = ctx.manager.store;
  const webroot = `${base}/`;
  const at = (path: string): string => `${base}${path}`;

  const resolve = (c: Context, id: string): MailRecord | undefined | 'none' => {
    if (id !== 'latest') return store.findMail(id);
    const query = (c.req.query('query') ?? '').trim();
    const latest = store.listMail({ filters: query ? mailpitFilters(query) : [], limit: 1 })[0];
    return latest ?? 'none';
  };
  /** Reading a message marks it read, as in Mailpit. */
  const open = (c: Context, id: string): MailRecord | Response => {
    const found = resolve(c, id);
    if (found === 'none') return notFound(c, 'Message not found');
    if (!found) return notFound(c);
    if (!found.read) ctx.manager.setRead([found.id], true);
    return { ...found, read: true };
  };

  const list = (c: Context, query: string | undefined): Response => {
    const { start, limit, filters } = paging(c);
    const searchFilters = query === undefined ? [] : mailpitFilters(query);
    const all = store.mailStats();
    // A plain list reports the mailbox totals as its counts (Mailpit ignores `before` there); a search its matches.
    const matching = query === undefined ? all : store.mailStats([...searchFilters, ...filters]);
    const available = query === undefined ? store.countMail(filters) : matching.total;
    // A list with limit 0 returns everything; a search with limit 0 returns nothing (Mailpit).
    const take = query === undefined && limit === 0 ? undefined : limit;
    const messages =
      take === 0 || start >= available
        ? []
        : store.listMail({
            filters: [...searchFilters, ...filters],
            offset: start,
            ...(take ? { limit: take } : {}),
          });
    return json(c, {
      total: all.total,
      unread: all.unread,
      count: messages.length,
      messages_count: matching.total,
      messages_unread: matching.unread,
      start,
      tags: [],
      messages: messages.map(mailpitSummary),
    });
  };

  if (base !== '') {
    app.get(at(p.messages), (c) => list(c, undefined));
    app.delete(at(p.messages), async (c) => {
      const text = await readBodyText(c, BODY_BYTES);
      const ids = text.trim() === '' ? [] : mailpitIds(text);
      if (ids === undefined) return badRequest(c, 'invalid request body: expected {"IDs": [...]} or nothing');
      if (ids.length > 0) ctx.manager.deleteMail(ids);
      else ctx.manager.deleteAllMail();
      return raw(c, 200, 'ok', 'text/plain');
    });
  }

  app.put(at(p.messages), async (c) => {
    let body: unknown;
    try {
      body = JSON.parse(await readBodyText(c, BODY_BYTES));
    } catch (err) {
      if (err instanceof SyntaxError) return badRequest(c, 'invalid JSON body');
      throw err;
    }
    const data = readStatusBody(body);
    if (typeof data === 'string') return badRequest(c, data);
    if (data.ids.length > 0 && data.search !== '') {
      return badRequest(c, 'You may specify either IDs or a search query, not both');
    }
    if (data.search !== '') ctx.manager.setRead(null, data.read, mailpitFilters(data.search));
    else ctx.manager.setRead(data.ids.length > 0 ? data.ids : null, data.read);
    return raw(c, 200, 'ok', 'text/plain');
  });

  app.get(at(p.search), (c) => {
    const query = (c.req.query('query') ?? '').trim();
    return query === '' ? badRequest(c, 'Error: no search query') : list(c, query);
  });
  app.delete(at(p.search), (c) => {
    const query = (c.req.query('query') ?? '').trim();
    if (query === '') return badRequest(c, 'Error: no search query');
    ctx.manager.deleteMatching(mailpitFilters(query));
    return raw(c, 200, 'ok', 'text/plain');
  });

  app.get(at(p.message), (c) => {
    const m = open(c, param(c, 'id'));
    return m instanceof Response ? m : json(c, mailpitMessage(m));
  });
  app.get(at(p.headers), (c) => {
    const m = resolve(c, param(c, 'id'));
    if (m === 'none') return notFound(c, 'Message not found');
    return m ? json(c, mailpitHeaders(m)) : notFound(c);
  });
  app.get(at(p.raw), (c) => {
    const found = resolve(c, param(c, 'id'));
    if (found === 'none') return notFound(c, 'Message not found');
    const m = found ? store.findMail(found.id, { withRaw: true }) : undefined;
    if (!m?.raw) return notFound(c);
    const dl: Record<string, string> =
      c.req.query('dl') === '1' ? { 'Content-Disposition': `attachment; filename="${m.id}.eml"` } : {};
    return raw(c, 200, m.raw, 'text/plain; charset=utf-8', { ...UNTRUSTED_CONTENT_HEADERS, ...dl });
  });
  app.get(at(p.part), (c) => {
    const found = resolve(c, param(c, 'id'));
    if (found === 'none') return notFound(c, 'Message not found');
    const part = found ? store.getAttachment(found.id, { partId: param(c, 'partId') }) : undefined;
    if (!part) return notFound(c);
    const name = part.meta.filename || part.meta.contentId;
    return raw(c, 200, part.content, part.meta.contentType, {
      ...UNTRUSTED_CONTENT_HEADERS,
      'Content-Disposition': `inline; filename="${encodeURIComponent(name)}"`,
    });
  });

  app.get(at(p.view), (c) => {
    const file = param(c, 'file');
    const html = file.endsWith('.html');
    if (!html && !file.endsWith('.txt')) return notFound(c);
    const m = resolve(c, file.slice(0, html ? -5 : -4));
    if (!m || m === 'none') return notFound(c, 'Message not found');
    if (!m.read) ctx.manager.setRead([m.id], true);
    if (!html) return raw(c, 200, m.text, 'text/plain; charset=utf-8', UNTRUSTED_CONTENT_HEADERS);
    if (m.html === '') return notFound(c, 'This message does not contain a HTML part');
    return raw(c, 200, linkInlineImages(m, webroot), 'text/html; charset=utf-8', UNTRUSTED_CONTENT_HEADERS);
  });

  app.get(at(p.info), (c) => {
    const stats = store.mailStats();
    const counters = ctx.manager.counters;
    return json(c, {
      Version: 'gatehouse',
      LatestVersion: 'disabled',
      Database: 'sqlite',
      DatabaseSize: stats.rawBytes,
      Messages: stats.total,
      Unread: stats.unread,
      Tags: {},
      RuntimeStats: {
        Uptime: Math.floor((Date.now() - counters.startedMs) / 1000),
        Memory: process.memoryUsage().rss,
        MessagesDeleted: counters.messagesDeleted,
        SMTPAccepted: counters.smtpAccepted,
        SMTPAcceptedSize: counters.smtpAcceptedBytes,
        SMTPRejected: counters.smtpRejected,
        SMTPIgnored: 0,
      },
    });
  });

  app.get(at(p.livez), (c) => raw(c, 200, null));
  app.get(at(p.readyz), (c) =>
    ctx.ready() ? raw(c, 200, null) : raw(c, 503, 'Service Unavailable\n', 'text/plain; charset=utf-8'),
  );
}

function readStatusBody(body: unknown): { read: boolean; ids: string[]; search: string } | string {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return 'expected a JSON object';
  const out = { read: false, ids: [] as string[], search: '' };
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    const k = key.toLowerCase();
    if (value === null) continue;
    if (k === 'read') {
      if (typeof value !== 'boolean') return 'Read must be a boolean';
      out.read = value;
    } else if (k === 'ids') {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
        return 'IDs must be a list of strings';
      out.ids = value;
    } else if (k === 'search') {
      if (typeof value !== 'string') return 'Search must be a string';
      out.search = value;
    }
  }
  return out;
}
