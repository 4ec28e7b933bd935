// Recovery and verification messages as a developer reads them: emails through the sink's MailHog API with
// the `mailhog` npm client (code, or link from the body), SMS through the sink's SMS API, and the template
// type each message was rendered from through the admin courier API.
import mailhog from 'mailhog';
import type { TestServer } from './server';

export interface AccountMail {
  id: string;
  subject: string;
  text: string;
  /** The six-digit code in the body, if any. */
  code?: string;
  /** The first self-service link in the body, if any. */
  link?: string;
}

const CODE = /\b(\d{6})\b/;
const LINK = /(https?:\/\/[^\s"<>]+\/self-service\/(?:recovery|verification)\?[^\s"<>]+)/;

export class AccountMailbox {
  private readonly mh: mailhog.API;
  private readonly seen = new Set<string>();

  constructor(private readonly server: TestServer) {
    const api = new URL(server.urls.mailApi ?? '');
    this.mh = mailhog({ host: api.hostname, port: Number(api.port) });
  }

  /** The next unread email to `to`, waiting for the courier to deliver it. */
  async next(to: string, timeoutMs = 10_000): Promise<AccountMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = await this.mh.search(to, 'to');
      const fresh = (found?.items ?? []).filter((m) => !this.seen.has(m.ID));
      const oldest = fresh[fresh.length - 1];
      if (oldest) {
        this.seen.add(oldest.ID);
        const text = oldest.text ?? '';
        const code = CODE.exec(text)?.[1];
        const link = LINK.exec(text)?.[1];
        return {
          id: oldest.ID,
          subject: oldest.subject ?? '',
          text,
          ...(code ? { code } : {}),
          ...(link ? { link } : {}),
        };
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for an email to ${to}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Unread emails to `to` after giving the courier time to deliver. */
  async unread(to: string, settleMs = 400): Promise<number> {
    await new Promise((r) => setTimeout(r, settleMs));
    const found = await this.mh.search(to, 'to');
    return (found?.items ?? []).filter((m) => !this.seen.has(m.ID)).length;
  }

  /**
   * Template types of the courier messages queued for `to`, oldest first (admin courier API). Plain fetch:
   * SMS messages have `type: "sms"` as in Kratos, where the OpenAPI document says "phone".
   */
  async templateTypes(to: string): Promise<string[]> {
    const url = new URL('admin/courier/messages', this.server.urls.admin);
    url.searchParams.set('recipient', to);
    const list = (await (await fetch(url)).json()) as { template_type: string }[];
    return list.map((m) => m.template_type).reverse();
  }
}
