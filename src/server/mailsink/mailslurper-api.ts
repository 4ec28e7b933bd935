// MailSlurper's service API (mailslurper cmd/mailslurper/controllers/ServiceController.go), the one Kratos's
// Cypress suite polls (`GET /mail`) and clears (`DELETE /mail` with {"pruneCode":"all"}). Unknown ids get a
// 404 where MailSlurper answers 200 with an empty item.
import type { Context, Hono } from 'hono';
import { cors } from 'hono/cors';
import { readBodyText } from '../http/body';
import { type ApiContext, goParseInt, raw, UNTRUSTED_CONTENT_HEADERS } from './context';
import { goJson, slurperDate } from './go-format';
import { isPruneCode, PRUNE_DAYS, PRUNE_OPTIONS, slurperBody, slurperItem } from './mailslurper-format';
import type { MailFilter, MailOrder } from './persister';

export const MAILSLURPER_PATHS = {
  mail: '/mail',
  mailItem: '/mail/:id',
  message: '/mail/:id/message',
  messageRaw: '/mail/:id/messageraw',
  attachment: '/mail/:mailId/attachment/:attachmentId',
  mailCount: '/mailcount',
  version: '/version',
  pruneOptions: '/pruneoptions',
} as const;

const PAGE_SIZE = 50;
const ECHO_JSON = 'application/json; charset=UTF-8';
const ECHO_TEXT = 'text/plain; charset=UTF-8';
const ECHO_HTML = 'text/html; charset=UTF-8';
const DELETE_BODY_BYTES = 64 * 1024;

const json = (c: Context, value: unknown): Response => raw(c, 200, `${goJson(value)}\n`, ECHO_JSON);
const text = (c: Context, status: 200 | 400 | 404, body: string): Response => raw(c, status, body, ECHO_TEXT);

/** Go's time.Parse("2006-01-02", s). */
function isoDay(s: string | undefined): string | undefined {
  const v = (s ?? '').trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return undefined;
  const d = new Date(`${v}T00:00:00Z`);
  return Number.isFinite(d.getTime()) && d.toISOString().startsWith(v) ? v : undefined;
}

const likeAnything = (v: string): string => `%${v.replace(/\\/g, '\\\\')}%`;

function searchFilters(c: Context): MailFilter[] {
  const filters: MailFilter[] = [];
  const q = (name: string): string => c.req.query(name) ?? '';
  // MailSlurper passes the terms to LIKE unescaped, so % and _ act as wildcards there too.
  if (q('message').trim() !== '')
    filters.push({ kind: 'like', columns: ['body', 'subject'], pattern: likeAnything(q('message')) });
  if (q('from').trim() !== '')
    filters.push({ kind: 'like', columns: ['mail_from'], pattern: likeAnything(q('from')) });
  if (q('to').trim() !== '')
    filters.push({ kind: 'like', columns: ['rcpt_to'], pattern: likeAnything(q('to')) });
  const start = isoDay(q('start'));
  if (start) filters.push({ kind: 'compare', column: 'date_sent', op: '>=', value: `${start} 00:00:00` });
  const end = isoDay(q('end'));
  if (end) {
    const next = new Date(Date.parse(`${end}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    filters.push({ kind: 'compare', column: 'date_sent', op: '<', value: `${next} 00:00:00` });
  }
  return filters;
}

function order(c: Context): MailOrder {
  const by = c.req.query('orderby');
  return {
    column: by === 'subject' ? 'subject' : by === 'from' ? 'mail_from' : 'date_sent',
    dir: c.req.query('dir') === 'asc' ? 'asc' : 'desc',
  };
}

export function registerMailSlurper(app: Hono, ctx: ApiContext): void {
  const p = MAILSLURPER_PATHS;
  const store = ctx.manager.store;
  // MailSlurper's service API allows any origin (echo's default CORS).
  for (const path of [p.mail, `${p.mail}/*`, p.mailCount, p.version, p.pruneOptions])
    app.use(path, cors({ origin: '*' }));

  app.get(p.mail, (c) => {
    const pageText = c.req.query('pageNumber') ?? '';
    const page = pageText === '' ? 1 : goParseInt(pageText);
    if (page === undefined) return text(c, 400, 'A valid page number is required');
    const filters = searchFilters(c);
    const total = store.countMail(filters);
    const offset = Math.max(0, (page - 1) * PAGE_SIZE);
    const items =
      offset >= total ? [] : store.listMail({ filters, order: order(c), offset, limit: PAGE_SIZE });
    return json(c, {
      mailItems: items.map(slurperItem),
      totalPages: Math.ceil(total / PAGE_SIZE),
      totalRecords: total,
    });
  });

  app.get(p.mailItem, (c) => {
    const m = store.findMail(c.req.param('id'));
    return m ? json(c, slurperItem(m)) : text(c, 404, 'Mail item not found');
  });

  // MailSlurper's "raw" message is the stored body as well.
  for (const path of [p.message, p.messageRaw]) {
    app.get(path, (c) => {
      const m = store.findMail(c.req.param('id') ?? '');
      return m
        ? raw(c, 200, slurperBody(m), ECHO_HTML, UNTRUSTED_CONTENT_HEADERS)
        : text(c, 404, 'Mail item not found');
    });
  }

  app.get(p.attachment, (c) => {
    const found = store.getAttachment(c.req.param('mailId'), { id: c.req.param('attachmentId') });
    if (!found) return text(c, 404, 'Attachment not found');
    return raw(c, 200, found.content, found.meta.contentType, UNTRUSTED_CONTENT_HEADERS);
  });

  app.delete(p.mail, async (c) => {
    const code = pruneCode(await readBodyText(c, DELETE_BODY_BYTES), c.req.header('content-type') ?? '');
    if (code === undefined) return text(c, 400, 'Invalid delete request');
    if (!isPruneCode(code)) return text(c, 400, 'Invalid prune type');
    const days = PRUNE_DAYS[code];
    if (days === null) return text(c, 200, String(ctx.manager.deleteAllMail()));
    const cutoff = slurperDate(ctx.manager.deps.clock.now().getTime() - days * 86_400_000).slice(0, 10);
    return text(
      c,
      200,
      String(
        ctx.manager.deleteMatching([{ kind: 'compare', column: 'date_sent', op: '<', value: cutoff }]).length,
      ),
    );
  });

  app.get(p.mailCount, (c) => json(c, { mailCount: store.countMail() }));
  app.get(p.version, (c) => text(c, 200, 'gatehouse'));
  app.get(p.pruneOptions, (c) => json(c, PRUNE_OPTIONS));
}

/**
 * The prune code of a delete request like echo binds it: JSON (field names case-insensitive) or a form;
 * undefined when the body cannot be bound, '' when it has no code.
 */
function pruneCode(body: string, contentType: string): string | undefined {
  if (body.trim() === '') return '';
  if (contentType.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    const form = new URLSearchParams(body);
    return form.get('pruneCode') ?? form.get('pruneCoe') ?? '';
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
  const entry = Object.entries(parsed).find(([k]) => k.toLowerCase() === 'prunecode');
  if (!entry || entry[1] === null) return '';
  return typeof entry[1] === 'string' ? entry[1] : undefined;
}
