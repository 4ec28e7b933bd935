// An in-process Gatehouse for the self-service journeys in Chromium: the public API on a free port (so its
// base URL is known before start), an in-memory database, fast bcrypt, the mail sink on free ports read
// with the `mailhog` client, and an identity schema with one email trait.
import { expect } from '@playwright/test';
import mailhog from 'mailhog';
import type { RawConfig } from '../../src/server/config/config';
import { createServer, type GatehouseServer } from '../../src/server/index';
import { silentLogger } from '../../src/server/logger';
import { freePort } from './servers';

export interface JourneyServer {
  gatehouse: GatehouseServer;
  publicUrl: string;
  /** The six-digit code of the next email to `to` that no earlier call returned (waits for the courier). */
  nextCode(to: string): Promise<string>;
  close(): Promise<void>;
}

export interface JourneyOptions {
  /** The `ory.sh/kratos` extension of the `email` trait. */
  email: Record<string, unknown>;
  /** More traits next to `email` (e.g. a name for the profile form). */
  traits?: Record<string, unknown>;
  /** `selfservice` settings; the default return URL is the built-in welcome page. */
  selfservice?: (publicUrl: string) => RawConfig;
  /** WebAuthn needs a domain: `localhost` instead of 127.0.0.1. */
  host?: 'localhost' | '127.0.0.1';
}

export async function startJourneyServer(o: JourneyOptions): Promise<JourneyServer> {
  const port = await freePort();
  const publicUrl = `http://${o.host ?? '127.0.0.1'}:${port}`;
  const selfservice = o.selfservice?.(publicUrl) ?? {};
  const gatehouse = await createServer({
    config: {
      dsn: 'memory',
      dev: true,
      serve: { public: { port, base_url: `${publicUrl}/` } },
      selfservice: {
        default_browser_return_url: `${publicUrl}/ui/welcome`,
        ...selfservice,
        methods: {
          password: { config: { haveibeenpwned_enabled: false } },
          ...(selfservice.methods as RawConfig | undefined),
        },
      },
      identity: {
        default_schema_id: 'default',
        schemas: [
          {
            id: 'default',
            url: `base64://${Buffer.from(JSON.stringify(emailSchema(o))).toString('base64')}`,
          },
        ],
      },
      hashers: { algorithm: 'bcrypt', bcrypt: { cost: 4 } },
      secrets: { default: [`e2e-journeys-secret-${port}-long-enough`] },
    },
    env: {},
    ports: { admin: 0 },
    mailSink: { smtpPort: 0, apiPort: 0 },
    logger: silentLogger,
  });
  const api = new URL(gatehouse.urls.mailApi ?? '');
  const mh = mailhog({ host: api.hostname, port: Number(api.port) });
  const seen = new Set<string>();

  return {
    gatehouse,
    publicUrl,
    async nextCode(to) {
      let code = '';
      await expect
        .poll(async () => {
          // MailHog lists the newest first: the last unseen one is the next in arrival order.
          const fresh = ((await mh.search(to, 'to'))?.items ?? []).filter((m) => !seen.has(m.ID)).pop();
          if (!fresh) return '';
          seen.add(fresh.ID);
          code = /\b(\d{6})\b/.exec(fresh.text)?.[1] ?? '';
          return code;
        })
        .toMatch(/^\d{6}$/);
      return code;
    },
    close: () => gatehouse.close(),
  };
}

function emailSchema(o: JourneyOptions): Record<string, unknown> {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    properties: {
      traits: {
        type: 'object',
        properties: {
          email: { type: 'string', format: 'email', title: 'E-Mail', 'ory.sh/kratos': o.email },
          ...o.traits,
        },
        required: ['email'],
        additionalProperties: false,
      },
    },
  };
}
