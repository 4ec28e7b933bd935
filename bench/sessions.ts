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
import { Agent, request } from 'undici';
import { createHasher } from '../src/server/hash/hasher';
import { createServer } from '../src/server/index';
import { silentLogger } from '../src/server/logger';
import { hashToken } from '../src/server/session/token';
import { testConfig } from '../test/helpers/server';
import { type Check, fmt, report } from './lib';
import { load, type LoadResult } from './load';

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

    const run = (url: string, headers: Record<string, string>) =>
      load({ url, headers, connections: 50, durationMs: DURATION_MS });
    await run(bareUrl, { 'x-session-token': issued.token }); // warm-up
    // Three interleaved rounds, median of each: this machine's neighbours make single runs swing by ±20 %.
    const rounds: Record<'baseline' | 'byToken' | 'byCookie', LoadResult[]> = {
      baseline: [],
      byToken: [],
      byCookie: [],
    };
    for (let round = 0; round < 3; round++) {
      rounds.baseline.push(await run(bareUrl, { 'x-session-token': issued.token }));
      rounds.byToken.push(await run(`${pub}/sessions/whoami`, { 'x-session-token': issued.token }));
      rounds.byCookie.push(await run(`${pub}/sessions/whoami`, { cookie }));
    }
    const [baseline, byToken, byCookie] = [rounds.baseline, rounds.byToken, rounds.byCookie].map(median) as [
      LoadResult,
      LoadResult,
      LoadResult,
    ];
    bareServer.close();
    for (const [name, r] of [
      ['bare handler (baseline)', baseline],
      ['whoami by token', byToken],
      ['whoami by cookie', byCookie],
    ] as const) {
      rows.push({
        case: name,
        'req/s': fmt(r.rps),
        'p50 ms': fmt(r.p50ms),
        errors: r.errors,
        ratio: fmt(r.rps / baseline.rps),
      });
    }
    checks.push({
      name: 'whoami by token / bare handler',
      value: byToken.rps / baseline.rps,
      target: '≥ 0.6',
      ok: byToken.rps / baseline.rps >= 0.6,
    });
    checks.push({
      name: 'whoami by cookie / bare handler',
      value: byCookie.rps / baseline.rps,
      target: '≥ 0.6',
      ok: byCookie.rps / baseline.rps >= 0.6,
    });

    // Password login vs raw verify, 8 at a time, in three interleaved rounds (each round's ratio compares
    // runs seconds apart, so the neighbours' load moves both sides alike); the median round is reported.
    const agent = new Agent({ connections: 8 });
    let n = 0;
    const login = async (): Promise<void> => {
      const email = `bench${n++ % 1000}@example.com`;
      const init = await request(`${pub}/self-service/login/api`, { dispatcher: agent });
      const flow = (await init.body.json()) as { id: string };
      const res = await request(`${pub}/self-service/login?flow=${flow.id}`, {
        dispatcher: agent,
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ method: 'password', identifier: email, password }),
      });
      await res.body.arrayBuffer();
      if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode}`);
    };
    const loginRounds: { verify: number; login: number }[] = [];
    for (let round = 0; round < 3; round++) {
      const verify = await closedLoop(8, DURATION_MS, () =>
        hasher.verify(password, hashed).then(() => undefined),
      );
      loginRounds.push({ verify, login: await closedLoop(8, DURATION_MS, login) });
    }
    await agent.close();
    const ratios = loginRounds.map((r) => r.login / r.verify);
    const mid = loginRounds[
      ratios.indexOf([...ratios].sort((a, b) => a - b)[1] as number)
    ] as (typeof loginRounds)[0];
    const loginRatio = mid.login / mid.verify;
    rows.push({
      case: 'raw argon2id verify (baseline)',
      'req/s': fmt(mid.verify),
      'p50 ms': '',
      errors: 0,
      ratio: '1',
    });
    rows.push({
      case: 'password login (init + submit)',
      'req/s': fmt(mid.login),
      'p50 ms': '',
      errors: 0,
      ratio: `${fmt(loginRatio)} (rounds ${ratios.map(fmt).join(', ')})`,
    });
    checks.push({ name: 'login / raw verify', value: loginRatio, target: '≥ 0.85', ok: loginRatio >= 0.85 });
    return report(`Sessions and login (${DURATION_MS / 1000}s per run)`, rows, checks);
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The run with the median throughput. */
function median(runs: LoadResult[]): LoadResult {
  return [...runs].sort((a, b) => a.rps - b.rps)[Math.floor(runs.length / 2)] as LoadResult;
}

async function closedLoop(concurrency: number, durationMs: number, op: () => Promise<void>): Promise<number> {
  const end = performance.now() + durationMs;
  let done = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        await op();
        done++;
      }
    }),
  );
  return done / (durationMs / 1000);
}
