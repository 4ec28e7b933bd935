import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureDefaultConfig } from './defaults';
import { ConfigError, loadConfig } from './load';

const minimal = {
  dsn: 'memory',
  selfservice: { default_browser_return_url: 'http://127.0.0.1:4455/' },
  identity: { schemas: [{ id: 'default', url: 'file:///tmp/identity.schema.json' }] },
};

const write = (name: string, text: string): string => {
  const file = join(mkdtempSync(join(tmpdir(), 'gatehouse-config-')), name);
  writeFileSync(file, text);
  return file;
};

describe('loadConfig', () => {
  it("case=accepts Kratos's quickstart kratos.yml unchanged", () => {
    const file = join(import.meta.dirname, 'testdata', 'quickstart.kratos.yml');
    const { config } = loadConfig({ file, env: {} });
    expect(config.get('hashers.algorithm', '')).toBe('bcrypt');
    expect(config.baseURL('public').toString()).toBe('http://127.0.0.1:4433/');
  });

  it('case=reports each problem as path: message with its YAML line', () => {
    const file = write(
      'kratos.yml',
      [
        'dsn: memory',
        'serve:',
        '  public:',
        '    port: nope',
        'identity:',
        '  schemas: []',
        'unknown_key: 1',
        '',
      ].join('\n'),
    );
    try {
      loadConfig({ file, env: {} });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const lines = (err as ConfigError).message.split('\n').slice(1);
      expect(lines).toContain(`serve.public.port: expected integer, but got string (${file}:4)`);
      expect(lines).toContain(`unknown_key: additionalProperties "unknown_key" not allowed (${file}:7)`);
      expect(lines).toContain(`identity.schemas: minimum 1 items allowed, but found 0 items (${file}:6)`);
      expect(lines.some((l) => l.startsWith('selfservice: missing properties: "selfservice"'))).toBe(true);
    }
  });

  it('case=reads JSON as well as YAML', () => {
    const { config } = loadConfig({ file: write('kratos.json', JSON.stringify(minimal)), env: {} });
    expect(config.dsn()).toBe('memory');
  });

  it('case=YAML syntax errors are reported with their line', () => {
    expect(() => loadConfig({ file: write('bad.yml', 'dsn: memory\nserve: [\n'), env: {} })).toThrow(
      /line|:\d/,
    );
  });

  it('case=a missing file is a clear error', () => {
    expect(() => loadConfig({ file: '/nonexistent/kratos.yml', env: {} })).toThrow(/file does not exist/);
  });

  it('case=Kratos-style environment variables override keys, with types from the schema', () => {
    const { config } = loadConfig({
      object: minimal,
      env: {
        DSN: 'sqlite:///tmp/x.db',
        SERVE_PUBLIC_PORT: '5533',
        SERVE_ADMIN_BASE_URL: 'http://admin.local:5534/',
        LOG_LEVEL: 'debug',
        SELFSERVICE_DEFAULT_BROWSER_RETURN_URL: 'http://app.local/welcome',
        SECRETS_COOKIE: 'first-secret-1234567890,second-secret-123456789',
        IDENTITY_SCHEMAS_0_URL: 'base64://e30=',
        DEV: 'true',
        PATH: '/usr/bin',
      },
    });
    expect(config.dsn()).toBe('sqlite:///tmp/x.db');
    expect(config.serve('public').port).toBe(5533);
    expect(config.baseURL('admin').toString()).toBe('http://admin.local:5534/');
    expect(config.logLevel()).toBe('debug');
    expect(config.get('selfservice.default_browser_return_url', '')).toBe('http://app.local/welcome');
    expect(config.secretsCookie()).toEqual(['first-secret-1234567890', 'second-secret-123456789']);
    expect(config.identitySchemas()[0]?.url).toBe('base64://e30=');
    expect(config.isDev()).toBe(true);
  });

  it('case=an invalid environment value names the variable', () => {
    expect(() => loadConfig({ object: minimal, env: { SERVE_PUBLIC_PORT: 'abc' } })).toThrow(
      /serve\.public\.port: .*set by environment variable SERVE_PUBLIC_PORT/,
    );
  });

  it('case=warns once for each key Gatehouse does not emulate', () => {
    const { warnings } = loadConfig({
      object: { ...minimal, oauth2_provider: { url: 'http://hydra:4445' }, tracing: { provider: 'jaeger' } },
      env: {},
    });
    expect(warnings.filter((w) => w.includes('"oauth2_provider.url"'))).toHaveLength(1);
    expect(warnings.some((w) => w.includes('"tracing.provider"'))).toBe(true);
    expect(warnings.some((w) => w.includes('"dsn"'))).toBe(false);
  });

  it('case=derives base URLs from host and port (http in dev, https otherwise)', () => {
    const dev = loadConfig({
      object: { ...minimal, dev: true, serve: { public: { port: 4500 } } },
      env: {},
    }).config;
    expect(dev.baseURL('public').toString()).toBe('http://127.0.0.1:4500/');
    const prod = loadConfig({ object: minimal, env: {} }).config;
    expect(prod.baseURL('admin').toString()).toBe('https://127.0.0.1:4434/');
  });
});

describe('ensureDefaultConfig', () => {
  it('case=writes a valid kratos.yml with fresh secrets once, then leaves it alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gatehouse-data-'));
    const file = ensureDefaultConfig(dir);
    const first = readFileSync(file, 'utf8');
    // No placeholder left (a random base64url secret may itself contain "__").
    expect(first).not.toMatch(/__(DATA_DIR|SECRET_[A-Z]+)__/);
    const { config, warnings } = loadConfig({ file, env: {} });
    expect(config.secretsCookie()[0]).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(config.secretsCipher()[0]).toHaveLength(32);
    expect(config.dsn()).toBe(`sqlite://${dir}/gatehouse.sqlite?_fk=true&mode=rwc`);
    expect(warnings).toEqual(expect.any(Array));
    ensureDefaultConfig(dir);
    expect(readFileSync(file, 'utf8')).toBe(first);
    const other = readFileSync(ensureDefaultConfig(mkdtempSync(join(tmpdir(), 'gatehouse-data-'))), 'utf8');
    expect(other).not.toBe(first);
  });
});
