// The capturing SMTP server. It accepts mail from any client for any recipient, accepts (and ignores) any
// AUTH credentials, offers STARTTLS, and on the same port also speaks implicit TLS (Kratos's `smtps://`):
// a TLS client talks first (its ClientHello), an SMTP client waits for the greeting, so the first byte
// within a short window tells them apart. Messages over the size limit are counted, not buffered, and
// refused with 552; a message is acknowledged with 250 only after it is stored.
import net from 'node:net';
import {
  SMTPServer,
  type SMTPServerDataStream,
  type SMTPServerOptions,
  type SMTPServerSession,
} from 'smtp-server';
import type { Logger } from '../logger';
import type { MailSinkManager } from './manager';
import type { KeyAndCert } from './tls';

export interface SmtpOptions {
  host: string;
  port: number;
  hostname: string;
  maxMessageBytes: number;
  tls: KeyAndCert;
  /** Offer STARTTLS. */
  starttls: boolean;
  /** Detect and serve implicit-TLS clients on the same port (default true). */
  implicitTls: boolean;
  /** How long a new connection may stay silent before it counts as a plain SMTP client. */
  tlsSniffMs: number;
}

export interface SmtpListening {
  port: number;
  close(): Promise<void>;
}

const TLS_HANDSHAKE = 0x16;
const CLOSE_GRACE_MS = 1_000;

export async function startSmtp(
  manager: MailSinkManager,
  logger: Logger,
  opts: SmtpOptions,
): Promise<SmtpListening> {
  const common: SMTPServerOptions = {
    name: opts.hostname,
    banner: 'Gatehouse mail sink',
    size: opts.maxMessageBytes,
    rejectOversized: true,
    authOptional: true,
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN', 'CRAM-MD5'],
    disableReverseLookup: true,
    logger: false,
    closeTimeout: CLOSE_GRACE_MS,
    hideSTARTTLS: !opts.starttls,
    key: opts.tls.key,
    cert: opts.tls.cert,
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username || 'anonymous' }),
    onData: (stream, session, callback) =>
      receive(manager, logger, opts.maxMessageBytes, stream, session, callback),
  };
  const plain = new SMTPServer({ ...common, secure: false });
  const secure = new SMTPServer({ ...common, secure: true });
  for (const server of [plain, secure]) {
    server.on('error', (err: Error) => logger.debug('smtp connection error', { error: err.message }));
  }

  const pending = new Set<net.Socket>();
  const front = net.createServer((socket) => {
    if (!opts.implicitTls) {
      plain.server.emit('connection', socket);
      return;
    }
    pending.add(socket);
    let decided = false;
    const decide = (tls: boolean): void => {
      if (decided) return;
      decided = true;
      clearTimeout(timer);
      socket.removeListener('data', onData);
      socket.removeListener('error', onEarlyError);
      socket.removeListener('close', onEarlyError);
      socket.pause();
      pending.delete(socket);
      (tls ? secure : plain).server.emit('connection', socket);
    };
    const onData = (chunk: Buffer): void => {
      socket.pause();
      socket.unshift(chunk);
      decide(chunk[0] === TLS_HANDSHAKE);
    };
    // A client that fails or hangs up before the decision is simply forgotten.
    const onEarlyError = (): void => {
      if (decided) return;
      decided = true;
      clearTimeout(timer);
      pending.delete(socket);
      socket.destroy();
    };
    socket.on('data', onData);
    socket.once('error', onEarlyError);
    socket.once('close', onEarlyError);
    // setImmediate: after a busy event-loop turn the timer may fire before the poll phase has read a
    // ClientHello that already arrived; one more turn lets it be seen.
    const timer = setTimeout(() => setImmediate(() => decide(false)), opts.tlsSniffMs);
  });

  await new Promise<void>((resolve, reject) => {
    front.once('error', reject);
    front.listen(opts.port, opts.host, () => {
      front.off('error', reject);
      resolve();
    });
  });
  front.on('error', (err) => logger.error('smtp listener error', { error: err.message }));

  return {
    port: (front.address() as net.AddressInfo).port,
    close: async () => {
      const closed = new Promise<void>((resolve) => front.close(() => resolve()));
      for (const s of pending) s.destroy();
      pending.clear();
      await Promise.all([plain, secure].map((s) => closeSmtp(s)));
      await closed;
    },
  };
}

/**
 * Closes an SMTP server: idle sessions (a client's pooled connection) get 421 at once, a session inside a
 * mail transaction gets a moment to finish it, then 421 as well.
 */
function closeSmtp(server: SMTPServer): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => undefined);
    const deadline = Date.now() + CLOSE_GRACE_MS + 500;
    const check = (): void => {
      for (const c of server.connections) {
        const busy = c.session.envelope?.mailFrom || c._dataStream;
        if (!busy || Date.now() > deadline) {
          c.send(421, 'Server shutting down');
          c.close();
        }
      }
      if (server.connections.size === 0 || Date.now() > deadline) resolve();
      else setTimeout(check, 20);
    };
    check();
  });
}

function receive(
  manager: MailSinkManager,
  logger: Logger,
  maxBytes: number,
  stream: SMTPServerDataStream,
  session: SMTPServerSession,
  callback: (err?: Error | null, message?: string) => void,
): void {
  const chunks: Buffer[] = [];
  let size = 0;
  stream.on('data', (chunk: Buffer) => {
    size += chunk.length;
    // Past the limit the rest is only counted: a 30 MB message must not cost 30 MB of memory.
    if (size <= maxBytes) chunks.push(chunk);
  });
  stream.once('end', () => {
    if (stream.sizeExceeded || size > maxBytes) {
      manager.rejected();
      logger.info('mail sink refused an oversized message', { size, limit: maxBytes });
      callback(smtpError(552, `Error: message exceeds fixed maximum message size ${maxBytes}`));
      return;
    }
    const envelope = {
      helo: String(session.hostNameAppearsAs || ''),
      mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
      rcptTo: session.envelope.rcptTo.map((r) => r.address),
      remoteAddress: session.remoteAddress,
      secure: session.secure,
      authUser: typeof session.user === 'string' ? session.user : null,
    };
    manager.receiveMail(Buffer.concat(chunks, size), envelope).then(
      (stored) => callback(null, `OK: message queued as ${stored.mailhogId}`),
      (err: unknown) => {
        // Temporary failure: the client keeps the message and retries, nothing is lost.
        logger.error('mail sink could not store a message', { error: String(err) });
        callback(smtpError(451, 'Error: local error in processing, message not stored'));
      },
    );
  });
}

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}
