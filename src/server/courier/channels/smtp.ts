// The SMTP channel (courier/smtp_channel.go): From (with from_name), To, Subject, the configured
// headers, a text/plain body and the HTML alternative, sent with nodemailer over a fresh connection
// per message. A 5xx answer abandons the message, as Kratos does, because retrying the same request
// cannot succeed.
import { readFileSync } from 'node:fs';
import { createTransport } from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { Logger } from '../../logger';
import type { SmtpConfig } from '../config';
import { isValidEmailRecipient } from '../errors';
import type { Message } from '../model';
import { type Channel, DispatchFailure, internalError } from './channel';
import { smtpTransportOptions } from './smtp-uri';

const SMTP_REASON = 'failed to send email via smtp';

export class SmtpChannel implements Channel {
  readonly id = 'email';

  constructor(
    private readonly cfg: SmtpConfig,
    private readonly logger: Logger,
  ) {}

  async dispatch(msg: Message): Promise<void> {
    const options = smtpTransportOptions(this.cfg.connectionUri, this.cfg.localName);
    this.addClientCertificate(options);
    // Re-check what comes out of the database before it reaches an SMTP command or header.
    if (!isValidEmailRecipient(msg.recipient)) {
      throw new DispatchFailure(
        internalError(
          'An internal server error occurred, please contact the system administrator',
          `courier: email recipient for message ${msg.id} is not a valid email address`,
        ),
        true,
      );
    }

    const transport = createTransport(options);
    try {
      await transport.sendMail(this.mail(msg));
    } catch (e) {
      const err = e as Error & { responseCode?: number };
      this.logger.error('Unable to send email using SMTP connection.', {
        message_id: msg.id,
        smtp_server: `${options.host ?? ''}:${options.port ?? ''}`,
        error: err.message,
      });
      const permanent = typeof err.responseCode === 'number' && err.responseCode >= 500;
      throw new DispatchFailure(internalError(err.message, SMTP_REASON), permanent);
    } finally {
      transport.close();
    }
  }

  private mail(msg: Message): Mail.Options {
    const headers: Record<string, string> = {};
    const cc: string[] = [];
    const bcc: string[] = [];
    // Kratos derives the envelope from To/Cc/Bcc, so Cc and Bcc set in courier.smtp.headers are
    // delivered; nodemailer needs them as address fields for that.
    for (const [k, v] of Object.entries(this.cfg.headers)) {
      if (k.toLowerCase() === 'cc') cc.push(v);
      else if (k.toLowerCase() === 'bcc') bcc.push(v);
      else headers[k] = v;
    }
    return {
      from: this.cfg.fromName
        ? { name: this.cfg.fromName, address: this.cfg.fromAddress }
        : this.cfg.fromAddress,
      to: msg.recipient,
      ...(cc.length > 0 ? { cc } : {}),
      ...(bcc.length > 0 ? { bcc } : {}),
      subject: msg.subject,
      headers,
      text: msg.body,
      // Kratos adds the HTML alternative only when the HTML template rendered.
      ...(msg.htmlBody ? { html: msg.htmlBody } : {}),
    };
  }

  private addClientCertificate(options: SMTPTransport.Options): void {
    if (!this.cfg.clientCertPath || !this.cfg.clientKeyPath) return;
    try {
      options.tls = {
        ...options.tls,
        cert: readFileSync(this.cfg.clientCertPath),
        key: readFileSync(this.cfg.clientKeyPath),
      };
    } catch (e) {
      this.logger.error('Unable to load tls certificate and private key for smtp client.', {
        error: (e as Error).message,
      });
    }
  }
}
