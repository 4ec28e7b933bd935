// MailHog's message release (POST /api/v1/messages/{id}/release): forward a captured message to a real SMTP
// server, optionally saving the server under a name (kept in memory, listed by /api/v2/outgoing-smtp).
import { createTransport } from 'nodemailer';

export interface OutgoingSmtp {
  Name: string;
  Save: boolean;
  Email: string;
  Host: string;
  Port: string;
  Username: string;
  Password: string;
  Mechanism: string;
}

const FIELDS: (keyof OutgoingSmtp)[] = [
  'Name',
  'Save',
  'Email',
  'Host',
  'Port',
  'Username',
  'Password',
  'Mechanism',
];

/**
 * Decodes a release request like Go's encoding/json into MailHog's ReleaseConfig: field names match
 * case-insensitively (clients send lowercase), unknown fields are ignored, a wrong type is an error.
 */
export function decodeReleaseConfig(body: unknown): OutgoingSmtp | undefined {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const cfg: OutgoingSmtp = {
    Name: '',
    Save: false,
    Email: '',
    Host: '',
    Port: '',
    Username: '',
    Password: '',
    Mechanism: '',
  };
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    const field = FIELDS.find((f) => f.toLowerCase() === key.toLowerCase());
    if (!field || value === null) continue;
    if (field === 'Save') {
      if (typeof value !== 'boolean') return undefined;
      cfg.Save = value;
    } else {
      if (typeof value !== 'string') return undefined;
      cfg[field] = value;
    }
  }
  return cfg;
}

export type ReleaseOutcome = { status: 200 | 400 | 500; error?: string };

/** MailHog's release steps, in its order: save, resolve a named server, check the mechanism, send. */
export async function release(
  cfg: OutgoingSmtp,
  saved: Map<string, OutgoingSmtp>,
  message: Buffer,
  envelopeFrom: string,
  timeoutMs: number,
): Promise<ReleaseOutcome> {
  if (cfg.Save) {
    if (saved.has(cfg.Name)) return { status: 400, error: `Server already exists named ${cfg.Name}` };
    saved.set(cfg.Name, { ...cfg });
  }
  if (cfg.Name !== '') {
    const named = saved.get(cfg.Name);
    if (!named) return { status: 400, error: `Server not found: ${cfg.Name}` };
    cfg = { ...named, Email: cfg.Email || named.Email };
  }
  let auth: { user: string; pass: string; method: string } | undefined;
  if (cfg.Username !== '' || cfg.Password !== '') {
    const method = cfg.Mechanism === 'PLAIN' ? 'PLAIN' : cfg.Mechanism === 'CRAMMD5' ? 'CRAM-MD5' : undefined;
    if (!method) return { status: 400, error: 'invalid authentication mechanism' };
    auth = { user: cfg.Username, pass: cfg.Password, method };
  }
  const transport = createTransport({
    host: cfg.Host,
    port: Number(cfg.Port) || 25,
    secure: false,
    ...(auth ? { auth } : {}),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  try {
    await transport.sendMail({ envelope: { from: envelopeFrom, to: [cfg.Email] }, raw: message });
    return { status: 200 };
  } catch (err) {
    return { status: 500, error: err instanceof Error ? err.message : String(err) };
  } finally {
    transport.close();
  }
}
