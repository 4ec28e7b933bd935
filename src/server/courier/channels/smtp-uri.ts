// courier.smtp.connection_uri to nodemailer options, with Kratos's semantics (courier/smtp.go):
//   smtp://   STARTTLS required, unless `?disable_starttls=true` (cleartext)
//   smtps://  implicit TLS
//   `?skip_ssl_verify=true` accepts any certificate, `?server_name=` sets the TLS server name
//   user:password in the URI authenticate.
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { DispatchFailure, internalError } from './channel';

const TIMEOUT_MS = 10_000;

function goParseBool(v: string | null): boolean {
  // strconv.ParseBool; anything it rejects counts as false, as Kratos ignores the error.
  return v !== null && ['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v);
}

export function smtpTransportOptions(uri: string, localName: string): SMTPTransport.Options {
  let u: URL;
  try {
    u = new URL(uri);
  } catch {
    throw new DispatchFailure(
      internalError('The SMTP connection URI is malformed. Please contact a system administrator.'),
    );
  }
  const host = u.hostname.replace(/^\[(.*)\]$/, '$1');
  if (host === '') {
    throw new DispatchFailure(
      internalError('Courier tried to deliver an email but courier.smtp.connection_uri is not set!'),
    );
  }
  const q = u.searchParams;
  const implicitTLS = u.protocol === 'smtps:';
  const cleartext = u.protocol === 'smtp:' && goParseBool(q.get('disable_starttls'));
  const user = decodeURIComponent(u.username);
  return {
    host,
    ...(u.port ? { port: Number(u.port) } : {}),
    secure: implicitTLS,
    requireTLS: !implicitTLS && !cleartext,
    ignoreTLS: cleartext,
    name: localName || 'localhost',
    ...(user ? { auth: { user, pass: decodeURIComponent(u.password) } } : {}),
    tls: {
      rejectUnauthorized: !goParseBool(q.get('skip_ssl_verify')),
      servername: q.get('server_name') || host,
      minVersion: 'TLSv1.2',
    },
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  };
}
