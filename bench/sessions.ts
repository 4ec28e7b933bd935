// Issue 3 benchmarks.
// 1. whoami by cookie and by token under 50 connections, against a bare Hono handler that does one prepared
//    SQLite lookup of a session joined to its identity, on the same database, in the same run: ≥ 0.6.
// 2. Password login throughput (native flow init + submit, 8 connections) against raw hash-verify throughput
//    with the same hasher settings in the same run: ≥ 0.85.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createHasher } from '../src/server/hash/hasher';
import { createServer } from '../src/server/index';
import { silentLogger } from '../src/server/logger';
import { hashToken } from '../src/server/session/token';
import { testConfig } from '../test/helpers/server';
import { Http1Connection } from './http1';
import { type Check, fmt, interleavedRounds, type Rated, report, type RoundResult } from './lib';
import { load } from './load';

const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 4000);
// Gatehouse's default hasher settings (resources/defaults/kratos.yml).
const HASHERS = {
  algorithm: 'argon2' as const,
  argon2: { memory: '19MB', iterations: 2, parallelism: 1, salt_length: 16, key_length: 32 },
};

export async function benchSessions(): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-bench-'));
  const hasher = createHasher(HASHERS, { dev: true });
  const server = await createServer({
    config: testConfig({ dsn: `sqlite://${dir}/bench.sqlite`, hashers: HASHERS }),
    env: {},
    ports: { public: 0, admin: 0 },
    logger: silentLogger,
    mailSink: false,
    hasher,
  });
  const pub = server.urls.public.replace(/\/$/, '');
  const rows: Record<string, string | number>[] = [];
  const checks: Check[] = [];
  try {
    // Seed: 1000 identities with sessions; the benchmark hits one of them.
    const password = 'bench password that is long enough';
    const hashed = await hasher.hash(password);
    const identities = Array.from({ length: 1000 }, (_, i) => ({
      create: {
        schema_id: 'default',
        traits: { email: `bench${i}@example.com` },
        credentials: { password: { config: { hashed_password: hashed } } },
      },
    }));
    await fetch(`${server.urls.admin}admin/identities`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ identities }),
    });
    const identity = server.registry.identityPersister.listIdentities({
      limit: 1,
      withCredentials: false,
    })[0];
    if (!identity) throw new Error('no identity');
    const req = { headers: new Headers({ 'user-agent': 'bench' }), url: pub };
    for (let i = 0; i < 20; i++)
      server.registry.sessionManager.issue(identity, [{ method: 'password', aal: 'aal1' }], req);
    const issued = server.registry.sessionManager.issue(identity, [{ method: 'password', aal: 'aal1' }], req);
    const cookie = server.registry.sessionManager.issueCookie(issued).split(';')[0] as string;

    // Baseline: a bare Hono handler doing one prepared lookup of the session joined to its identity.
    const lookup = server.registry.database.db.prepare(
      'SELECT s.*, i.traits, i.schema_id, i.state FROM sessions s JOIN identities i ON i.id = s.identity_id WHERE s.token_hash = ?',
    );
    const bare = new Hono();
    bare.get('/whoami', (c) => c.json(lookup.get(hashToken(c.req.header('x-session-token') ?? '')) ?? {}));
    const bareServer = serve({ fetch: bare.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => bareServer.once('listening', r));
    const bareUrl = `http://127.0.0.1:${(bareServer.address() as AddressInfo).port}/whoami`;

    const run = async (url: string, headers: Record<string, string>): Promise<Rated> => {
      const r = await load({ url, headers, connections: 50, durationMs: DURATION_MS });
      return { rate: r.rps, errors: r.errors, p50ms: r.p50ms };
    };
    await run(bareUrl, { 'x-session-token': issued.token }); // warm-up
    const whoami = await interleavedRounds(5, () => run(bareUrl, { 'x-session-token': issued.token }), {
      'whoami by token': () => run(`${pub}/sessions/whoami`, { 'x-session-token': issued.token }),
      'whoami by cookie': () => run(`${pub}/sessions/whoami`, { cookie }),
    });
    bareServer.close();
    rows.push(row('bare handler (baseline)', whoami.baseline));
    for (const [name, r] of Object.entries(whoami.cases)) {
      rows.push(row(name, r.median, r));
      const ok = r.ratio >= 0.6 && r.median.errors === 0;
      checks.push({ name: `${name} / bare handler`, value: r.ratio, target: '≥ 0.6, no errors', ok });
    }

    // Password login vs raw verify, 8 at a time. The load comes from the minimal client in http1.ts: on two
    // cores a general client's CPU would count against the server alone, since the baseline sends nothing.
    const { hostname, port } = new URL(pub);
    const connections = Array.from({ length: 8 }, () => new Http1Connection(hostname, Number(port)));
    let n = 0;
    // What a native app does: init, read the flow id, submit, read the session token.
    const login = async (conn: Http1Connection): Promise<void> => {
      const email = `bench${n++ % 1000}@example.com`;
      const init = await conn.request('GET', '/self-service/login/api', { accept: 'application/json' });
      const flow = JSON.parse(init.body.toString('utf8')) as { id: string };
      const res = await conn.request(
        'POST',
        `/self-service/login?flow=${flow.id}`,
        { 'content-type': 'application/json', accept: 'application/json' },
        JSON.stringify({ method: 'password', identifier: email, password }),
      );
      const body = JSON.parse(res.body.toString('utf8')) as { session_token?: string };
      if (res.status !== 200 || !body.session_token) throw new Error(`login failed: ${res.status}`);
    };
    const rate = async (op: (worker: number) => Promise<void>): Promise<Rated> => ({
      rate: await closedLoop(8, DURATION_MS, op),
    });
    const logins = await interleavedRounds(
      5,
      () => rate(() => hasher.verify(password, hashed).then(() => undefined)),
      {
        'password login (init + submit)': () => rate((i) => login(connections[i] as Http1Connection)),
      },
    );
    for (const conn of connections) conn.close();
    rows.push(row('raw argon2id verify (baseline)', logins.baseline));
    for (const [name, r] of Object.entries(logins.cases)) {
      rows.push(row(name, r.median, r));
      checks.push({ name: 'login / raw verify', value: r.ratio, target: '≥ 0.85', ok: r.ratio >= 0.85 });
    }
    return report(`Sessions and login (${DURATION_MS / 1000}s per run)`, rows, checks);
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function row(name: string, run: Rated, round?: RoundResult): Record<string, string | number> {
  return {
    case: name,
    'ops/s': fmt(run.rate),
    'p50 ms': run.p50ms === undefined ? '' : fmt(run.p50ms),
    errors: run.errors ?? 0,
    ratio: round ? `${fmt(round.ratio)} (rounds ${round.ratios.map(fmt).join(', ')})` : '1',
  };
}

/** `concurrency` workers each running `op(worker index)` back to back for `durationMs`; operations per second. */
async function closedLoop(
  concurrency: number,
  durationMs: number,
  op: (worker: number) => Promise<void>,
): Promise<number> {
  const end = performance.now() + durationMs;
  let done = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (performance.now() < end) {
        await op(worker);
        done++;
      }
    }),
  );
  return done / (durationMs / 1000);
}
