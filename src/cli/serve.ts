// `gatehouse serve`: starts the embedded server and keeps it running until SIGINT/SIGTERM.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError } from '../server/config/load';
import { createServer, type GatehouseServer } from '../server/index';
import { SchemaConfigError } from '../server/schema/registry';
import { DsnError } from '../server/persistence/sqlite/dsn';
import { startConsole } from './console';

export const serveUsage = `Usage: gatehouse serve [options]

Options:
  -c, --config <file>    kratos.yml (YAML or JSON) to run on; default: <data-dir>/kratos.yml
      --data-dir <dir>   where the default config and the SQLite database live
                         (default: $GATEHOUSE_DATA_DIR or ~/.gatehouse)
      --dev              Kratos's development mode (cookies without Secure, courier bodies visible)
      --console-port <n> serve the console at http://127.0.0.1:<n> (default 4400; 0 turns it off)
      --smtp-port <n>    port of the capturing SMTP sink (default 1025; 0 picks a free one)
      --mail-api-port <n> port of the mail API: MailHog, MailSlurper, Mailpit subset (default 8025)
      --no-mail-sink     do not start the SMTP sink and mail API
  -h, --help             show this help

Kratos-style environment variables override config keys (DSN, SERVE_PUBLIC_PORT, LOG_LEVEL, ...).`;

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.GATEHOUSE_DATA_DIR ? resolve(env.GATEHOUSE_DATA_DIR) : join(homedir(), '.gatehouse');
}

export async function serveCommand(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        config: { type: 'string', short: 'c' },
        'data-dir': { type: 'string' },
        dev: { type: 'boolean', default: false },
        'console-port': { type: 'string' },
        'smtp-port': { type: 'string' },
        'mail-api-port': { type: 'string' },
        'no-mail-sink': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }).values;
  } catch (err) {
    process.stderr.write(`gatehouse serve: ${(err as Error).message}\n\n${serveUsage}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${serveUsage}\n`);
    return 0;
  }

  let consolePort: number, smtpPort: number, mailApiPort: number;
  try {
    consolePort = parsePort(args['console-port'], 4400, '--console-port', '0 turns the console off');
    smtpPort = parsePort(args['smtp-port'], 1025, '--smtp-port', '0 picks a free one');
    mailApiPort = parsePort(args['mail-api-port'], 8025, '--mail-api-port', '0 picks a free one');
  } catch (err) {
    process.stderr.write(`gatehouse serve: ${(err as Error).message}\n`);
    return 2;
  }
  const dataDir = args['data-dir'] ? resolve(args['data-dir']) : defaultDataDir();
  let server: GatehouseServer;
  let consoleLines: string[] = [];
  let closeConsole = async (): Promise<void> => {};
  try {
    server = await createServer({
      ...(args.config ? { configFile: args.config } : {}),
      dataDir,
      dev: args.dev,
      mailSink: args['no-mail-sink'] ? false : { smtpPort, apiPort: mailApiPort },
    });
  } catch (err) {
    return reportStartupError(err);
  }
  if (consolePort !== 0) {
    try {
      const started = await startConsole(server, dataDir, consolePort);
      consoleLines = started.lines;
      closeConsole = started.backend.close;
    } catch (err) {
      await server.close();
      if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
        process.stderr.write(
          `gatehouse: console port ${consolePort} is in use; choose another with --console-port <n> (0 turns the console off).\n`,
        );
        return 1;
      }
      return reportStartupError(err);
    }
  }

  process.stdout.write(
    [
      'Gatehouse is running (Ory Kratos v26 API).',
      `  Public API:  ${server.urls.public}`,
      `  Admin API:   ${server.urls.admin}`,
      ...(server.urls.smtp
        ? [`  SMTP sink:   ${server.urls.smtp}`, `  Mail API:    ${server.urls.mailApi}/ (MailHog API)`]
        : []),
      ...consoleLines,
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );

  await new Promise<void>((done) => {
    const stop = (signal: NodeJS.Signals): void => {
      process.stdout.write(`\nReceived ${signal}, shutting down...\n`);
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void Promise.all([closeConsole(), server.close()]).then(() => done());
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return 0;
}

function parsePort(raw: string | undefined, fallback: number, flag: string, zero: string): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) > 65535) {
    throw new Error(`${flag} must be a port number (${zero}), got "${raw}"`);
  }
  return Number(raw);
}

function reportStartupError(err: unknown): number {
  if (err instanceof ConfigError || err instanceof SchemaConfigError) {
    process.stderr.write(`gatehouse: the configuration is invalid, refusing to start:\n`);
    const lines = err instanceof ConfigError ? err.message.split('\n').slice(1) : err.message.split('\n');
    for (const line of lines) process.stderr.write(`  ${line}\n`);
    return 1;
  }
  if (err instanceof DsnError) {
    process.stderr.write(`gatehouse: ${err.message}\n`);
    return 1;
  }
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'EADDRINUSE') {
    process.stderr.write(
      `gatehouse: a port is already in use (${e.message}). Stop the other process or choose another port.\n`,
    );
    return 1;
  }
  process.stderr.write(
    `gatehouse: could not start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
  );
  return 1;
}
