// A small leveled logger writing text or JSON lines to stderr, like Kratos's logrus output.

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'panic' | 'silent';
const order: Record<LogLevel, number> = {
  trace: 0,
  debug: 1,
  info: 2,
  warn: 3,
  error: 4,
  fatal: 5,
  panic: 6,
  silent: 9,
};

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

export interface LoggerOptions {
  level: string;
  format: 'text' | 'json';
  write?: (line: string) => void;
}

export function createLogger(opts: LoggerOptions): Logger {
  const min = order[(opts.level as LogLevel) in order ? (opts.level as LogLevel) : 'info'];
  const write = opts.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const log =
    (level: LogLevel) =>
    (msg: string, fields: Record<string, unknown> = {}): void => {
      if (order[level] < min) return;
      const time = new Date().toISOString();
      if (opts.format === 'json') {
        write(JSON.stringify({ level, msg, time, ...fields }));
      } else {
        const extra = Object.entries(fields)
          .map(([k, v]) => `${k}=${typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v ?? null)}`)
          .join(' ');
        write(`time=${time} level=${level} msg=${JSON.stringify(msg)}${extra ? ` ${extra}` : ''}`);
      }
    };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

export interface LoggerProvider {
  logger: Logger;
}
