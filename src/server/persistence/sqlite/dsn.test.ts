import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DsnError, parseDsn } from './dsn';

describe('parseDsn', () => {
  it.each([
    ['memory', ':memory:'],
    ['sqlite://file::memory:?_fk=true&cache=shared', ':memory:'],
    ['sqlite:///var/lib/kratos/db.sqlite?_fk=true', '/var/lib/kratos/db.sqlite'],
    ['sqlite:///tmp/with%20space/db.sqlite?mode=rwc', '/tmp/with space/db.sqlite'],
    ['sqlite://./local.db?_fk=true', resolve('local.db')],
  ])('case=%s', (dsn, filename) => {
    expect(parseDsn(dsn).filename).toBe(filename);
  });

  it.each(['postgres://user:pw@localhost/kratos', 'mysql://x', 'nonsense'])('case=refuses %s', (dsn) => {
    expect(() => parseDsn(dsn)).toThrow(DsnError);
  });
});
