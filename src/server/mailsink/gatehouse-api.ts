// Gatehouse's own JSON API of the sink, for the console: lists and details of captured mail and SMS,
// deletion, and the live event stream. Errors use the server's Kratos-shaped error body.
import type { Context, Hono } from 'hono';
import { badRequest, notFound } from '../errors/errors';
import { type ApiContext, raw, UNTRUSTED_CONTENT_HEADERS } from './context';
import { mailDetailJson, mailSummaryJson, smsJson } from './gatehouse-format';
import { mailpitFilters } from './mailpit-search';
import { sseEvent } from './sse';

export const GATEHOUSE_BASE = '/api/gatehouse/v1';

export const GATEHOUSE_PATHS = {
  events: `${GATEHOUSE_BASE}/events`,
  messages: `${GATEHOUSE_BASE}/messages`,
  message: `${GATEHOUSE_BASE}/messages/:id`,
  messageRaw: `${GATEHOUSE_BASE}/messages/:id/raw`,
  attachment: `${GATEHOUSE_BASE}/messages/:id/attachments/:attachmentId`,
  smsList: `${GATEHOUSE_BASE}/sms`,
  sms: `${GATEHOUSE_BASE}/sms/:id`,
} as const;

const MAX_PAGE = 500;
const DEFAULT_PAGE = 50;

function page(c: Context): { offset: number; limit: number } {
  const read = (name: string, fallback: number, min: number, max: number): number => {
    const v = c.req.query(name);
    if (v === undefined || v === '') return fallback;
    if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) {
      throw badRequest(`The query parameter "${name}" must be an integer between ${min} and ${max}.`);
    }
    return Number(v);
  };
  return {
    offset: read('offset', 0, 0, Number.MAX_SAFE_INTEGER),
    limit: read('limit', DEFAULT_PAGE, 1, MAX_PAGE),
  };
}

const messageNotFound = (): Error => notFound('No captured message has this id.');
const smsNotFound = (): Error => notFound('No captured SMS has this id.');

export function registerGatehouse(app: Hono, ctx: ApiContext): void {
  const p = GATEHOUSE_PATHS;
  const { manager } = ctx;
  const store = manager.store;

  app.get(p.events, (c) => {
    const last = c.req.header('last-event-id') ?? c.req.query('since');
    const afterId = last !== undefined && /^\d+$/.test(last) ? Number(last) : undefined;
    return ctx.sse.response(c.req.raw.signal, (channel) => {
      channel.write('retry: 3000\n\n');
      const unsubscribe = manager.events.subscribe(
        (e) => channel.write(sseEvent({ id: e.id, event: e.type, data: JSON.stringify(e.data) })),
        afterId === undefined ? {} : { afterId },
      );
      const keepalive = setInterval(() => channel.write(': keepalive\n\n'), ctx.eventsKeepaliveMs);
      keepalive.unref();
      return () => {
        clearInterval(keepalive);
        unsubscribe();
      };
    });
  });

  app.get(p.messages, (c) => {
    const { offset, limit } = page(c);
    const query = (c.req.query('query') ?? '').trim();
    const filters = query === '' ? [] : mailpitFilters(query);
    const total = store.countMail(filters);
    const items = offset >= total ? [] : store.listMail({ filters, offset, limit });
    return c.json({ total, count: items.length, offset, limit, items: items.map(mailSummaryJson) });
  });

  app.delete(p.messages, (c) => c.json({ deleted: manager.deleteAllMail() }));

  app.get(p.message, (c) => {
    const m = store.findMail(c.req.param('id'));
    if (!m) throw messageNotFound();
    return c.json(mailDetailJson(m));
  });

  app.delete(p.message, (c) => {
    if (manager.deleteMail([c.req.param('id')]).length === 0) throw messageNotFound();
    return c.body(null, 204);
  });

  app.get(p.messageRaw, (c) => {
    const m = store.findMail(c.req.param('id'), { withRaw: true });
    if (!m?.raw) throw messageNotFound();
    return raw(c, 200, m.raw, 'message/rfc822', {
      ...UNTRUSTED_CONTENT_HEADERS,
      'Content-Disposition': `attachment; filename="${m.id}.eml"`,
    });
  });

  app.get(p.attachment, (c) => {
    const found = store.getAttachment(c.req.param('id'), { id: c.req.param('attachmentId') });
    if (!found) throw notFound('The message has no attachment with this id.');
    const name = encodeURIComponent(found.meta.filename || found.meta.contentId || found.meta.id);
    return raw(c, 200, found.content, found.meta.contentType, {
      ...UNTRUSTED_CONTENT_HEADERS,
      'Content-Disposition': `attachment; filename*=UTF-8''${name}`,
    });
  });

  app.get(p.smsList, (c) => {
    const { offset, limit } = page(c);
    const total = store.countSms();
    const items = offset >= total ? [] : store.listSms({ offset, limit });
    return c.json({ total, count: items.length, offset, limit, items: items.map(smsJson) });
  });

  app.delete(p.smsList, (c) => c.json({ deleted: manager.deleteAllSms() }));

  app.get(p.sms, (c) => {
    const s = store.findSms(c.req.param('id'));
    if (!s) throw smsNotFound();
    return c.json(smsJson(s));
  });

  app.delete(p.sms, (c) => {
    if (manager.deleteSms([c.req.param('id')]).length === 0) throw smsNotFound();
    return c.body(null, 204);
  });
}
