// Reading one-time codes the way a developer would: email through the sink's MailHog API with the
// `mailhog` npm client, SMS through the sink's SMS API. Each message is handed out once, so a resend is
// visible as a new message with a new code.
import mailhog from 'mailhog';
import type { TestServer } from './server';

export interface CodeMessage {
  code: string;
  subject: string;
  body: string;
}

interface SmsItem {
  id: string;
  to: string;
  body: string;
  template_type: string;
}

const CODE = /\b(\d{6})\b/;

export class Inbox {
  private readonly mh: mailhog.API;
  private readonly seen = new Set<string>();

  constructor(private readonly server: TestServer) {
    const api = new URL(server.urls.mailApi ?? '');
    this.mh = mailhog({ host: api.hostname, port: Number(api.port) });
  }

  /** The next unseen email to `to` (waits for the courier), with the code it carries. */
  async nextEmail(to: string, timeoutMs = 10_000): Promise<CodeMessage> {
    return this.poll(timeoutMs, `an email to ${to}`, async () => {
      const found = await this.mh.search(to, 'to');
      const fresh = (found?.items ?? []).filter((m) => !this.seen.has(m.ID));
      const oldest = fresh[fresh.length - 1];
      if (!oldest) return undefined;
      this.seen.add(oldest.ID);
      return { code: codeIn(oldest.text), subject: oldest.subject, body: oldest.text };
    });
  }

  /** The next unseen SMS to `to`, from the sink's SMS API. */
  async nextSms(to: string, timeoutMs = 10_000): Promise<CodeMessage> {
    return this.poll(timeoutMs, `an SMS to ${to}`, async () => {
      const res = await fetch(new URL('api/gatehouse/v1/sms?limit=200', this.server.urls.mailApi));
      const { items } = (await res.json()) as { items: SmsItem[] };
      const fresh = items.filter((s) => s.to === to && !this.seen.has(s.id));
      const oldest = fresh[fresh.length - 1];
      if (!oldest) return undefined;
      this.seen.add(oldest.id);
      return { code: codeIn(oldest.body), subject: oldest.template_type, body: oldest.body };
    });
  }

  /** Messages the courier holds for `to`; codes are queued within the request, so no waiting is needed. */
  async queuedFor(to: string): Promise<number> {
    const { data } = await this.server.sdk.courier.listCourierMessages({ recipient: to });
    return data.length;
  }

  private async poll<T>(timeoutMs: number, what: string, read: () => Promise<T | undefined>): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await read();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

function codeIn(text: string): string {
  const m = CODE.exec(text);
  if (!m) throw new Error(`no six-digit code in: ${text}`);
  return m[1] as string;
}
