import { beforeEach, describe, expect, it } from 'vitest';
import { MovableClock } from '../../../clock';
import { Config } from '../../../config/config';
import { SqliteCodePersister } from '../../../persistence/sqlite/code';
import { openDatabase, type SqliteDatabase } from '../../../persistence/sqlite/database';
import { codeAlreadyUsed, codeNotFound, codeSubmittedTooOften, isCodeError, OneTimeCodes } from './codes';

function config(secrets: string[], code: Record<string, unknown> = {}): Config {
  return new Config(
    { dsn: 'memory', secrets: { default: secrets }, selfservice: { methods: { code: { config: code } } } },
    { dev: true },
  );
}

let db: SqliteDatabase;
let clock: MovableClock;
let codes: OneTimeCodes;
const FLOW = '6b9a8f4e-0000-4000-8000-000000000001';

function insertFlow(id = FLOW): void {
  db.db
    .prepare(
      `INSERT INTO selfservice_flows (id, kind, document, expires_at, created_at, updated_at)
       VALUES (?, 'recovery', '{}', '2999-01-01', '2026-01-01', '2026-01-01')`,
    )
    .run(id);
}

beforeEach(() => {
  db = openDatabase('memory');
  clock = new MovableClock();
  codes = new OneTimeCodes({
    config: config(['first-secret-0123456789abcdef']),
    clock,
    codePersister: new SqliteCodePersister(db),
  });
  insertFlow();
});

const expectCodeError = (fn: () => unknown, make: typeof codeNotFound): void => {
  let thrown: unknown;
  try {
    fn();
  } catch (err) {
    thrown = err;
  }
  expect(isCodeError(thrown, make), String(thrown)).toBe(true);
};

describe('one-time codes', () => {
  it('case=codes are six digits, stored only as an HMAC, and usable once', () => {
    const { code, record } = codes.issue({ kind: 'recovery', flowId: FLOW });
    expect(code).toMatch(/^\d{6}$/);
    const stored = db.db.prepare('SELECT code_hmac FROM selfservice_codes').get() as { code_hmac: string };
    expect(stored.code_hmac).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.code_hmac).not.toContain(code);
    expect(codes.use('recovery', FLOW, code).id).toBe(record.id);
    expectCodeError(() => codes.use('recovery', FLOW, code), codeAlreadyUsed);
  });

  it('case=a wrong code, another kind or another flow is not found', () => {
    const { code } = codes.issue({ kind: 'recovery', flowId: FLOW });
    const wrong = code === '000000' ? '111111' : '000000';
    expectCodeError(() => codes.use('recovery', FLOW, wrong), codeNotFound);
    expectCodeError(() => codes.use('verification', FLOW, code), codeNotFound);
    const other = '6b9a8f4e-0000-4000-8000-000000000002';
    insertFlow(other);
    expectCodeError(() => codes.use('recovery', other, code), codeNotFound);
    expect(codes.use('recovery', FLOW, ` ${code} `).used_at).not.toBeNull();
  });

  it('case=an expired code is not found', () => {
    const { code } = codes.issue({ kind: 'verification', flowId: FLOW, lifespanMs: 60_000 });
    clock.advance(61_000);
    expectCodeError(() => codes.use('verification', FLOW, code), codeNotFound);
  });

  it('case=lifespan comes from the method config', () => {
    codes = new OneTimeCodes({
      config: config(['s-0123456789abcdef0123456789'], { lifespan: '15m' }),
      clock,
      codePersister: new SqliteCodePersister(db),
    });
    const { record } = codes.issue({ kind: 'login', flowId: FLOW });
    expect(new Date(record.expires_at).getTime() - new Date(record.issued_at).getTime()).toBe(15 * 60_000);
  });

  it('case=the sixth submission is refused even with the right code, until the flow is reset', () => {
    const { code } = codes.issue({ kind: 'recovery', flowId: FLOW });
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) expectCodeError(() => codes.use('recovery', FLOW, wrong), codeNotFound);
    expectCodeError(() => codes.use('recovery', FLOW, code), codeSubmittedTooOften);
    codes.invalidate('recovery', FLOW);
    expectCodeError(() => codes.use('recovery', FLOW, code), codeAlreadyUsed);
    const fresh = codes.issue({ kind: 'recovery', flowId: FLOW });
    expect(codes.use('recovery', FLOW, fresh.code).id).toBe(fresh.record.id);
  });

  it('case=codes issued under a rotated-out secret still verify', () => {
    const persister = new SqliteCodePersister(db);
    const old = codes.issue({ kind: 'recovery', flowId: FLOW });
    codes = new OneTimeCodes({
      config: config(['new-secret-0123456789abcdef', 'first-secret-0123456789abcdef']),
      clock,
      codePersister: persister,
    });
    expect(codes.use('recovery', FLOW, old.code).id).toBe(old.record.id);
  });

  it('case=link tokens are 32 characters and bound to their flow', () => {
    const { code: token } = codes.issue({ kind: 'recovery_link', flowId: FLOW });
    expect(token).toMatch(/^[A-Za-z0-9]{32}$/);
    expectCodeError(
      () => codes.useToken('recovery_link', '6b9a8f4e-0000-4000-8000-000000000009', token),
      codeNotFound,
    );
    expect(codes.useToken('recovery_link', FLOW, token).flow_id).toBe(FLOW);
    expectCodeError(() => codes.useToken('recovery_link', FLOW, token), codeAlreadyUsed);
  });

  it('case=a submission for a flow that does not exist is not found', () => {
    expectCodeError(() => codes.use('login', '6b9a8f4e-0000-4000-8000-00000000000f', '123456'), codeNotFound);
  });
});
