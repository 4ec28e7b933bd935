// createTestServer(): the real server on free ports with an in-memory database, a movable clock, a fast
// hasher and no log noise (ARCHITECTURE.md convention 10).
import type { RawConfig } from '../../src/server/config/config';
import { createHasher } from '../../src/server/hash/hasher';
import { createServer, type GatehouseServer } from '../../src/server/index';
import { silentLogger } from '../../src/server/logger';
import { createSdk, type Sdk } from './sdk';

export const testIdentitySchema = {
  $id: 'https://example.com/test.schema.json',
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  properties: {
    traits: {
      type: 'object',
      properties: {
        email: {
          type: 'string',
          format: 'email',
          title: 'E-Mail',
          minLength: 3,
          'ory.sh/kratos': {
            credentials: { password: { identifier: true }, code: { identifier: true, via: 'email' } },
            verification: { via: 'email' },
            recovery: { via: 'email' },
          },
        },
        name: { type: 'object', properties: { first: { type: 'string' }, last: { type: 'string' } } },
        age: { type: 'integer', minimum: 0 },
      },
      required: ['email'],
      additionalProperties: false,
    },
  },
};

export const phoneIdentitySchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  properties: {
    traits: {
      type: 'object',
      properties: {
        phone: {
          type: 'string',
          format: 'tel',
          'ory.sh/kratos': { credentials: { password: { identifier: true } }, verification: { via: 'sms' } },
        },
        username: { type: 'string', 'ory.sh/kratos': { credentials: { password: { identifier: true } } } },
      },
      additionalProperties: false,
    },
  },
};

export const base64Schema = (schema: object): string =>
  `base64://${Buffer.from(JSON.stringify(schema)).toString('base64')}`;

export function testConfig(overrides: RawConfig = {}): RawConfig {
  return {
    dsn: 'memory',
    dev: true,
    selfservice: { default_browser_return_url: 'http://127.0.0.1:4455/' },
    identity: {
      default_schema_id: 'default',
      schemas: [
        { id: 'default', url: base64Schema(testIdentitySchema) },
        { id: 'phone', url: base64Schema(phoneIdentitySchema) },
      ],
    },
    secrets: { default: ['a-test-secret-that-is-long-enough'] },
    hashers: { algorithm: 'bcrypt', bcrypt: { cost: 4 } },
    ...overrides,
  };
}

export interface TestServer extends GatehouseServer {
  sdk: Sdk;
}

export interface TestServerOptions {
  /** The hasher (default: bcrypt cost 4, fast). */
  bcryptCost?: number;
  /** The mail sink runs on free ports unless this is false. */
  mailSink?: false;
}

export async function createTestServer(
  overrides: RawConfig = {},
  opts: TestServerOptions = {},
): Promise<TestServer> {
  const server = await createServer({
    config: testConfig(overrides),
    env: {},
    ports: { public: 0, admin: 0 },
    logger: silentLogger,
    hasher: createHasher({ algorithm: 'bcrypt', bcrypt: { cost: opts.bcryptCost ?? 4 } }, { dev: true }),
    // This machine is offline: HaveIBeenPwned lookups fail fast and count as network errors.
    hibpFetch: () => Promise.reject(new TypeError('fetch failed: offline test environment')),
    mailSink: opts.mailSink === false ? false : { smtpPort: 0, apiPort: 0 },
  });
  return Object.assign(server, { sdk: createSdk(server.urls) });
}
