// `gatehouse serve` as a user runs it: the real bin, a fresh data dir, Kratos-style env overrides,
// clean shutdown on SIGINT/SIGTERM, and a refusal with `path: message` lines for an invalid config.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = join(import.meta.dirname, '../../bin/gatehouse.js');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function run(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): { child: ChildProcess; output: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, [bin, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  return {
    child,
    output: () => out,
    exit: new Promise((resolve) => child.on('exit', (code) => resolve(code))),
  };
}

async function waitFor(predicate: () => boolean, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('gatehouse serve', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    'case=starts on the default config, answers, and stops cleanly on %s',
    async (signal) => {
      const [publicPort, adminPort] = [await freePort(), await freePort()];
      const dataDir = mkdtempSync(join(tmpdir(), 'gatehouse-cli-'));
      const proc = run(['serve', '--data-dir', dataDir, '--smtp-port', '0', '--mail-api-port', '0'], {
        SERVE_PUBLIC_PORT: String(publicPort),
        SERVE_ADMIN_PORT: String(adminPort),
        LOG_LEVEL: 'error',
      });
      await waitFor(() => proc.output().includes('Admin API'));
      expect(proc.output()).toContain(`Public API:  http://127.0.0.1:${publicPort}/`);
      expect(proc.output()).toContain(`Admin API:   http://127.0.0.1:${adminPort}/`);
      const alive = await fetch(`http://127.0.0.1:${publicPort}/health/alive`);
      expect(await alive.json()).toEqual({ status: 'ok' });
      const created = await fetch(`http://127.0.0.1:${adminPort}/admin/identities`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ schema_id: 'default', traits: { email: 'cli@example.com' } }),
      });
      expect(created.status).toBe(201);
      proc.child.kill(signal);
      expect(await proc.exit).toBe(0);
    },
    30_000,
  );

  it('case=data survives a restart with the same data dir', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gatehouse-cli-'));
    for (const round of [1, 2]) {
      const adminPort = await freePort();
      const proc = run(['serve', '--data-dir', dataDir, '--smtp-port', '0', '--mail-api-port', '0'], {
        SERVE_PUBLIC_PORT: String(await freePort()),
        SERVE_ADMIN_PORT: String(adminPort),
        LOG_LEVEL: 'error',
      });
      await waitFor(() => proc.output().includes('Admin API'));
      if (round === 1) {
        await fetch(`http://127.0.0.1:${adminPort}/admin/identities`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ schema_id: 'default', traits: { email: 'durable@example.com' } }),
        });
      } else {
        const list = (await (
          await fetch(`http://127.0.0.1:${adminPort}/admin/identities`)
        ).json()) as unknown[];
        expect(list).toHaveLength(1);
      }
      proc.child.kill('SIGINT');
      expect(await proc.exit).toBe(0);
    }
  }, 40_000);

  it('case=refuses an invalid config with one path: message line per problem', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gatehouse-cli-'));
    const file = join(dir, 'kratos.yml');
    writeFileSync(file, 'dsn: memory\nserve:\n  public:\n    port: -1\n');
    const proc = run(['serve', '--config', file]);
    expect(await proc.exit).toBe(1);
    expect(proc.output()).toContain('refusing to start');
    expect(proc.output()).toContain(`serve.public.port: must be >= 1 but found -1 (${file}:4)`);
    expect(proc.output()).toMatch(/identity: missing properties: "identity"/);
    expect(proc.output()).not.toMatch(/at .*\.ts:\d+/);
  }, 20_000);

  it('case=unknown options print the usage', async () => {
    const proc = run(['serve', '--bogus']);
    expect(await proc.exit).toBe(2);
    expect(proc.output()).toContain('Usage: gatehouse serve');
  }, 20_000);
});
