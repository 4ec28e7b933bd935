// The SQLite store of the sink: what the APIs ask of it, on a real (in-memory) database with migrations.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MovableClock } from '../../src/server/clock';
import { buildMail } from '../../src/server/mailsink/ingest';
import { openDatabase, type SqliteDatabase } from '../../src/server/persistence/sqlite/database';
import { SqliteMailSinkPersister } from '../../src/server/persistence/sqlite/mailsink';

let db: SqliteDatabase;
let store: SqliteMailSinkPersister;
const clock = new MovableClock();

beforeEach(() => {
  db = openDatabase('memory');
  store = new SqliteMailSinkPersister(db);
});
afterEach(() => db.close());

async function add(
  subject: string,
  opts: { to?: string; from?: string; attach?: boolean; body?: string } = {},
): Promise<string> {
  const parts = opts.attach
    ? `Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n${opts.body ?? 'x'}\r\n--b\r\n` +
      'Content-Type: application/pdf\r\nContent-Disposition: attachment; filename=a.pdf\r\n\r\nPDF\r\n--b--\r\n'
    : `Content-Type: text/plain\r\n\r\n${opts.body ?? 'x'}\r\n`;
  const raw = Buffer.from(`Subject: ${subject}\r\nTo: ${opts.to ?? 'to@y.test'}\r\n${parts}`);
  const mail = await buildMail(
    raw,
    {
      helo: 'h',
      mailFrom: opts.from ?? 'from@x.test',
      rcptTo: [opts.to ?? 'to@y.test'],
      remoteAddress: '127.0.0.1',
      secure: false,
      authUser: null,
    },
    { clock, hostname: 'h.test' },
  );
  store.insertMail(mail);
  return mail.id;
}

describe('mail store', () => {
  it('case=filters: contains, like, compare, flag, constant, negation', async () => {
    await add('Alpha', { to: 'ann@y.test', body: 'code 111' });
    await add('Beta', { to: 'bob@y.test', attach: true });
    await add('Gamma 100%', { to: 'cy@y.test' });
    const subjects = (filters: Parameters<typeof store.listMail>[0]['filters']): string[] =>
      store.listMail({ filters: filters ?? [] }).map((m) => m.subject);
    expect(subjects([{ kind: 'contains', columns: ['mh_to'], value: 'bob@' }])).toEqual(['Beta']);
    expect(subjects([{ kind: 'contains', columns: ['mh_to'], value: 'bob@', negate: true }])).toEqual([
      'Gamma 100%',
      'Alpha',
    ]);
    expect(subjects([{ kind: 'like', columns: ['subject'], pattern: '%100\\%%' }])).toEqual(['Gamma 100%']);
    expect(subjects([{ kind: 'like', columns: ['body'], pattern: '%CODE 111%' }])).toEqual(['Alpha']);
    expect(subjects([{ kind: 'flag', flag: 'has_attachments', value: true }])).toEqual(['Beta']);
    expect(subjects([{ kind: 'compare', column: 'size', op: '>', value: 200 }])).toEqual(['Beta']);
    expect(subjects([{ kind: 'constant', value: false }])).toEqual([]);
    expect(
      store.listMail({ order: { column: 'subject', dir: 'asc' }, offset: 1, limit: 1 }).map((m) => m.subject),
    ).toEqual(['Beta']);
  });

  it('case=find and delete by either id; attachments by id or part; stats and read flags', async () => {
    const a = await add('A', { attach: true });
    await add('B');
    const rec = store.findMail(a, { withRaw: true });
    expect(rec?.raw?.toString()).toContain('Subject: A');
    expect(store.findMail(rec?.mailhogId ?? '')?.id).toBe(a);
    expect(store.findMail(a)?.raw).toBeUndefined();
    const att = rec?.attachments[0];
    expect(store.getAttachment(a, { id: att?.id ?? '' })?.content.toString()).toBe('PDF');
    expect(store.getAttachment(rec?.mailhogId ?? '', { partId: att?.partId ?? '' })?.meta.filename).toBe(
      'a.pdf',
    );
    expect(store.getAttachment(a, { partId: '99' })).toBeUndefined();
    expect(store.mailStats()).toMatchObject({ total: 2, unread: 2 });
    expect(store.setRead([a], true)).toEqual([a]);
    expect(store.setRead([a], true)).toEqual([]);
    expect(store.mailStats().unread).toBe(1);
    expect(store.deleteMail([rec?.mailhogId ?? '', 'unknown'])).toEqual([a]);
    expect(db.db.prepare('SELECT count(*) AS n FROM mailsink_attachments').get()).toEqual({ n: 0 });
    expect(store.deleteAllMail()).toBe(1);
  });

  it('case=deleteMatching removes only matches', async () => {
    await add('keep');
    await add('drop one');
    await add('drop two');
    expect(store.deleteMatching([{ kind: 'like', columns: ['subject'], pattern: 'drop%' }])).toHaveLength(2);
    expect(store.listMail({}).map((m) => m.subject)).toEqual(['keep']);
  });
});

describe('SMS store', () => {
  it('case=insert, find, list newest first, count, delete', () => {
    const sms = (id: string, n: number) => ({
      id,
      to: `+${n}`,
      body: `b${n}`,
      templateType: 't',
      messageType: 'sms',
      subject: '',
      contentType: 'application/json',
      request: '{}',
      createdAt: '2026-01-01T00:00:00Z',
      createdMs: n,
    });
    store.insertSms(sms('a', 1));
    store.insertSms(sms('b', 2));
    expect(store.findSms('a')?.to).toBe('+1');
    expect(store.listSms({}).map((s) => s.id)).toEqual(['b', 'a']);
    expect(store.listSms({ offset: 1, limit: 1 }).map((s) => s.id)).toEqual(['a']);
    expect(store.deleteSms(['a', 'zzz'])).toEqual(['a']);
    expect(store.countSms()).toBe(1);
    expect(store.deleteAllSms()).toBe(1);
  });
});
