// Issue 2 benchmark: seed 100k identities through the batch API (pre-hashed passwords), then time a
// 250-identity page (first, middle, last) and a credentials_identifier lookup through the admin API,
// each as a ratio to the same data read with raw prepared SQLite statements in the same run.
// Targets: page p50 ≤ 8× raw and < 15 ms; lookup < 5 ms; import ≥ 10k identities/s.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Agent, fetch as undiciFetch } from 'undici';
import { testConfig } from '../test/helpers/server';
import { createServer } from '../src/server/index';
import { silentLogger } from '../src/server/logger';
import { type Check, fmt, report, time } from './lib';

const TOTAL = Number(process.env.BENCH_IDENTITIES ?? 100_000);
const BATCH = 1000;
// A bcrypt hash of "correct horse" (cost 5): importing pre-hashed passwords hashes nothing.
const HASH = '$2a$05$GatehouseSaltForBcrypeNQTV65B.k6XksT/BBRFraAIb/jnutqC';

export async function benchIdentities(): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-bench-'));
  const server = await createServer({
    config: testConfig({ dsn: `sqlite://${dir}/bench.sqlite` }),
    env: {},
    ports: { public: 0, admin: 0 },
    logger: silentLogger,
    mailSink: false,
  });
  const dispatcher = new Agent({ connections: 4, keepAliveTimeout: 60_000 });
  const admin = server.urls.admin.replace(/\/$/, '');
  // The body is read, not parsed: the time is the server's, not the benchmark client's JSON.parse of 200 KB.
  const get = async (path: string): Promise<{ bytes: number; link: string }> => {
    const res = await undiciFetch(`${admin}${path}`, { dispatcher });
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status}`);
    return { bytes: (await res.arrayBuffer()).byteLength, link: res.headers.get('link') ?? '' };
  };

  try {
    // Import.
    const started = performance.now();
    for (let start = 0; start < TOTAL; start += BATCH) {
      const identities = Array.from({ length: Math.min(BATCH, TOTAL - start) }, (_, i) => ({
        create: {
          schema_id: 'default',
          traits: {
            email: `user${start + i}@bench.example`,
            name: { first: 'Bench', last: `No ${start + i}` },
          },
          credentials: { password: { config: { hashed_password: HASH } } },
        },
      }));
      const res = await undiciFetch(`${admin}/admin/identities`, {
        method: 'PATCH',
        dispatcher,
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ identities }),
      });
      if (res.status !== 200) throw new Error(`batch import failed: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    }
    const importSeconds = (performance.now() - started) / 1000;
    const importRate = TOTAL / importSeconds;

    // Page tokens for the first, middle and last page.
    const tokens: string[] = [''];
    let link = (await get('/admin/identities?page_size=250')).link;
    for (;;) {
      const next = /<([^>]+)>; rel="next"/.exec(link)?.[1];
      if (!next) break;
      const token = new URL(next).searchParams.get('page_token') as string;
      tokens.push(token);
      link = (await get(`/admin/identities?page_size=250&page_token=${encodeURIComponent(token)}`)).link;
    }
    const pages = {
      first: tokens[0],
      middle: tokens[Math.floor(tokens.length / 2)],
      last: tokens[tokens.length - 1],
    };

    // Raw baseline: the same rows the endpoint returns, with prepared statements and no HTTP or JSON.
    const db = server.registry.database.db;
    const ids = db.prepare('SELECT id FROM identities ORDER BY id').pluck().all() as string[];
    const afterIdFor = (token: string): string =>
      token === ''
        ? '00000000-0000-0000-0000-000000000000'
        : (ids[tokens.indexOf(token) * 250 - 1] as string);
    const page = db.prepare('SELECT * FROM identities WHERE id > ? ORDER BY id LIMIT 251');
    const children = (table: string): ReturnType<typeof db.prepare> =>
      db.prepare(`SELECT * FROM ${table} WHERE identity_id IN (SELECT value FROM json_each(?))`);
    const creds = children('identity_credentials');
    const idents = children('identity_credential_identifiers');
    const verif = children('identity_verifiable_addresses');
    const recov = children('identity_recovery_addresses');
    const rawPage = (afterId: string): void => {
      const rows = page.all(afterId) as { id: string }[];
      const list = JSON.stringify(rows.map((r) => r.id));
      creds.all(list);
      idents.all(list);
      verif.all(list);
      recov.all(list);
    };
    const lookupRaw = db.prepare(
      `SELECT i.* FROM identities i WHERE i.id IN (SELECT identity_id FROM identity_credential_identifiers
         WHERE type IN ('webauthn','password','code') AND identifier = ?) ORDER BY i.id LIMIT 251`,
    );

    const rows: Record<string, string | number>[] = [];
    const checks: Check[] = [];
    for (const [name, token] of Object.entries(pages) as [string, string][]) {
      const path = `/admin/identities?page_size=250${token ? `&page_token=${encodeURIComponent(token)}` : ''}`;
      const api = await time(() => get(path), 60);
      const raw = await time(() => rawPage(afterIdFor(token)), 200);
      rows.push({
        case: `page ${name}`,
        'api p50 ms': fmt(api.p50),
        'api p95 ms': fmt(api.p95),
        'raw p50 ms': fmt(raw.p50),
        ratio: fmt(api.p50 / raw.p50),
      });
      checks.push({
        name: `page ${name} p50 ratio`,
        value: api.p50 / raw.p50,
        target: '≤ 8',
        ok: api.p50 / raw.p50 <= 8,
      });
      checks.push({ name: `page ${name} p50 ms`, value: api.p50, target: '< 15', ok: api.p50 < 15 });
    }
    let n = 0;
    const lookup = await time(
      () => get(`/admin/identities?credentials_identifier=user${(n++ * 7919) % TOTAL}@bench.example`),
      300,
    );
    let m = 0;
    const lookupBase = await time(() => lookupRaw.all(`user${(m++ * 7919) % TOTAL}@bench.example`), 1000);
    rows.push({
      case: 'credentials_identifier',
      'api p50 ms': fmt(lookup.p50),
      'api p95 ms': fmt(lookup.p95),
      'raw p50 ms': fmt(lookupBase.p50),
      ratio: fmt(lookup.p50 / lookupBase.p50),
    });
    rows.push({
      case: 'import',
      'api p50 ms': `${fmt(importRate)} identities/s`,
      'api p95 ms': '',
      'raw p50 ms': '',
      ratio: '',
    });
    checks.push({ name: 'lookup p50 ms', value: lookup.p50, target: '< 5', ok: lookup.p50 < 5 });
    checks.push({
      name: 'import identities/s',
      value: importRate,
      target: '≥ 10000',
      ok: importRate >= 10_000,
    });
    return report(`Admin identity API over ${TOTAL} identities`, rows, checks);
  } finally {
    await dispatcher.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
