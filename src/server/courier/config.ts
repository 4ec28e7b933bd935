// Typed access to the `courier.*` keys (driver/config/config.go Courier* accessors), read on every
// use so a reloaded config takes effect without restarting the worker. Gatehouse differs in one
// default only: without `courier.smtp.connection_uri` mail goes to the built-in sink.
import type { Config } from '../config/config';
import { registerEmulatedKeys } from '../config/emulated';
import type { TemplateType } from './model';
import { TEMPLATE_SPECS } from './templates/spec';

// Everything under courier.* except Jsonnet request bodies, which are not evaluated yet: leaving
// `…request_config.body` out makes the config loader warn about it like any unemulated key.
registerEmulatedKeys(
  'courier.smtp.*',
  'courier.templates.*',
  'courier.template_override_path',
  'courier.message_retries',
  'courier.worker.*',
  'courier.delivery_strategy',
  'courier.http.request_config.url',
  'courier.http.request_config.method',
  'courier.http.request_config.headers.*',
  'courier.http.request_config.auth.*',
  'courier.channels.#.id',
  'courier.channels.#.type',
  'courier.channels.#.request_config.url',
  'courier.channels.#.request_config.method',
  'courier.channels.#.request_config.headers.*',
  'courier.channels.#.request_config.auth.*',
);

export const DEFAULT_FROM_ADDRESS = 'no-reply@ory.kratos.sh';
/** The built-in mail sink (ARCHITECTURE.md D9); the server passes the port it really bound. */
export const DEFAULT_SINK_SMTP_URI = 'smtp://127.0.0.1:1025/?disable_starttls=true';

export type ApiKeyAuth = {
  type: 'api_key';
  config: { name: string; value: string; in: 'header' | 'cookie' };
};
export type BasicAuth = { type: 'basic_auth'; config: { user: string; password: string } };

export interface RequestConfig {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  /** A Jsonnet URI. Not evaluated yet: the default body is sent (see channels/http.ts). */
  body?: string;
  auth?: ApiKeyAuth | BasicAuth;
}

export interface SmtpConfig {
  connectionUri: string;
  fromAddress: string;
  fromName: string;
  headers: Record<string, string>;
  localName: string;
  clientCertPath: string;
  clientKeyPath: string;
}

export type ChannelConfig =
  { id: string; type: 'smtp'; smtp: SmtpConfig } | { id: string; type: 'http'; request: RequestConfig };

export type TemplatePart = 'email.subject' | 'email.body' | 'email.body.plaintext' | 'sms.body';

export interface CourierDefaults {
  /** SMTP target when `courier.smtp.connection_uri` is not set (the mail sink). */
  smtpUri?: string;
  /** SMS target when no `sms` channel is configured (the sink's SMS endpoint). Kratos has none. */
  smsUrl?: string;
}

export class CourierSettings {
  constructor(
    readonly config: Config,
    private readonly defaults: CourierDefaults = {},
  ) {}

  isDev(): boolean {
    return this.config.isDev();
  }

  messageRetries(): number {
    return this.config.get('courier.message_retries', 5);
  }

  pullCount(): number {
    return Math.max(1, this.config.get('courier.worker.pull_count', 10));
  }

  pullWaitMs(): number {
    return this.config.durationMs('courier.worker.pull_wait', '1s');
  }

  templateOverridePath(): string {
    return this.config.get('courier.template_override_path', '');
  }

  /** The configured URI of one template file, or '' (courier.templates.<type>.<email|sms>…). */
  templateURI(type: TemplateType, part: TemplatePart): string {
    const base = `courier.templates.${TEMPLATE_SPECS[type].configKey}`;
    const key = {
      'email.subject': `${base}.email.subject`,
      'email.body': `${base}.email.body.html`,
      'email.body.plaintext': `${base}.email.body.plaintext`,
      'sms.body': `${base}.sms.body.plaintext`,
    }[part];
    const v = this.config.get<unknown>(key, '');
    return typeof v === 'string' ? v : '';
  }

  /** Changes whenever a key that affects template resolution changes (the template cache key). */
  templatesFingerprint(): string {
    return JSON.stringify([
      this.templateOverridePath(),
      this.config.get('courier.templates', {}),
      this.config.options.file ?? '',
    ]);
  }

  smtp(): SmtpConfig {
    const get = <T>(k: string, d: T): T => this.config.get(`courier.smtp.${k}`, d);
    return {
      connectionUri: get('connection_uri', this.defaults.smtpUri ?? DEFAULT_SINK_SMTP_URI),
      fromAddress: get('from_address', DEFAULT_FROM_ADDRESS),
      fromName: get('from_name', ''),
      headers: get<Record<string, string>>('headers', {}),
      localName: get('local_name', 'localhost'),
      clientCertPath: get('client_cert_path', ''),
      clientKeyPath: get('client_key_path', ''),
    };
  }

  /** courier.channels plus the legacy `email` channel from delivery_strategy (CourierChannels). */
  channels(): ChannelConfig[] {
    const out: ChannelConfig[] = [];
    for (const c of this.config.get<{ id?: string; type?: string; request_config?: RequestConfig }[]>(
      'courier.channels',
      [],
    )) {
      if (c.id && c.request_config) out.push({ id: c.id, type: 'http', request: c.request_config });
    }
    if (this.defaults.smsUrl && !out.some((c) => c.id === 'sms')) {
      out.push({ id: 'sms', type: 'http', request: { url: this.defaults.smsUrl, method: 'POST' } });
    }
    if (this.config.get<string>('courier.delivery_strategy', 'smtp') === 'http') {
      out.push({
        id: 'email',
        type: 'http',
        request: this.config.get<RequestConfig>('courier.http.request_config', { url: '' }),
      });
    } else {
      out.push({ id: 'email', type: 'smtp', smtp: this.smtp() });
    }
    return out;
  }
}
