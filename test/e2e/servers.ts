// Starts `gatehouse serve` as a real process on free ports with a temp data dir and a kratos.yml written
// for the test (fast bcrypt, recovery by link and code), and reads the console URL it prints.
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface ServeProcess {
  publicUrl: string;
  adminUrl: string;
  consoleUrl: string | undefined;
  launchUrl: string | undefined;
  dataDir: string;
  stop(): Promise<void>;
}

const root = resolve(import.meta.dirname, '..', '..');

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });
}

function kratosYml(dataDir: string, publicPort: number, adminPort: number): string {
  const pub = `http://127.0.0.1:${publicPort}/`;
  return `version: v26.2.0
dsn: sqlite://${dataDir}/gatehouse.sqlite?_fk=true&mode=rwc
dev: true
serve:
  public: { base_url: "${pub}", host: 127.0.0.1, port: ${publicPort} }
  admin: { base_url: "http://127.0.0.1:${adminPort}/", host: 127.0.0.1, port: ${adminPort} }
selfservice:
  default_browser_return_url: "${pub}"
  methods:
    password: { enabled: true, config: { haveibeenpwned_enabled: false } }
    link: { enabled: true }
    code: { enabled: true }
  flows:
    recovery: { enabled: true, ui_url: "${pub}recovery", use: code }
    login: { ui_url: "${pub}login" }
    settings: { ui_url: "${pub}settings" }
identity:
  default_schema_id: customer
  schemas:
    - { id: customer, url: "file://${dataDir}/customer.schema.json" }
courier:
  smtp: { connection_uri: "smtp://127.0.0.1:1/?disable_starttls=true" }
hashers: { algorithm: bcrypt, bcrypt: { cost: 4 } }
secrets:
  default: [e2e-secret-that-is-long-enough-0001]
  cookie: [e2e-cookie-secret-long-enough-0001]
  cipher: [e2e-cipher-secret-32-characters!]
log: { level: error }
`;
}

export async function startServe(opts: { console: boolean; name: string }): Promise<ServeProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), `gatehouse-e2e-${opts.name}-`));
  const [publicPort, adminPort, consolePort] = [await freePort(), await freePort(), await freePort()];
  copyFileSync(
    join(import.meta.dirname, 'fixtures', 'customer.schema.json'),
    join(dataDir, 'customer.schema.json'),
  );
  writeFileSync(join(dataDir, 'kratos.yml'), kratosYml(dataDir, publicPort, adminPort));
  const child: ChildProcess = spawn(
    process.execPath,
    [
      join(root, 'bin', 'gatehouse.js'),
      'serve',
      '--data-dir',
      dataDir,
      '--console-port',
      String(opts.console ? consolePort : 0),
      // Free ports for the mail sink: several servers run side by side.
      '--smtp-port',
      '0',
      '--mail-api-port',
      '0',
    ],
    { cwd: root, env: { ...process.env, GATEHOUSE_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const ready = new Promise<string>((done, fail) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes('Press Ctrl+C to stop.')) done(output);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) =>
      fail(new Error(`gatehouse serve (${opts.name}) exited with ${code}:\n${output}`)),
    );
    setTimeout(
      () => fail(new Error(`gatehouse serve (${opts.name}) did not start in 30 s:\n${output}`)),
      30_000,
    ).unref();
  });
  const printed = await ready;
  const launchUrl = printed.match(/Console:\s+(\S+)/)?.[1];
  return {
    publicUrl: `http://127.0.0.1:${publicPort}`,
    adminUrl: `http://127.0.0.1:${adminPort}`,
    consoleUrl: launchUrl ? new URL(launchUrl).origin : undefined,
    launchUrl,
    dataDir,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => {
          rmSync(dataDir, { recursive: true, force: true });
          done();
        });
        child.kill('SIGTERM');
      }),
  };
}
