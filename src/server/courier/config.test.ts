// The courier.* keys Gatehouse acts on: emulated keys (Jsonnet bodies still warn), channel list with
// Kratos's legacy email channel, Gatehouse's sink defaults, and the template URI keys.
import { describe, expect, it } from 'vitest';
import { courierConfig } from '../../../test/courier/harness';
import { unemulatedKeys } from '../config/emulated';
import { CourierSettings, DEFAULT_SINK_SMTP_URI } from './config';

describe('emulated keys', () => {
  it('case=courier keys are emulated except Jsonnet request bodies', () => {
    const raw = {
      courier: {
        smtp: {
          connection_uri: 'smtp://x:1/',
          from_address: 'a@b.co',
          headers: { 'X-A': 'b' },
          local_name: 'x',
        },
        template_override_path: '/tmp',
        message_retries: 3,
        delivery_strategy: 'http',
        worker: { pull_count: 5, pull_wait: '2s' },
        templates: {
          recovery_code: { valid: { email: { subject: 'base64://e30=', body: { html: 'file:///x' } } } },
        },
        http: {
          request_config: {
            url: 'http://x/',
            body: 'base64://e30=',
            auth: { type: 'api_key', config: { name: 'n', value: 'v', in: 'header' } },
          },
        },
        channels: [
          {
            id: 'sms',
            type: 'http',
            request_config: { url: 'http://x/', method: 'PUT', body: 'base64://e30=', headers: { a: 'b' } },
          },
        ],
      },
    };
    expect(unemulatedKeys(raw).sort()).toEqual([
      'courier.channels.#.request_config.body',
      'courier.http.request_config.body',
    ]);
  });
});

describe('CourierSettings', () => {
  it('case=defaults: Kratos values, the sink as SMTP target, no sms channel', () => {
    const s = new CourierSettings(courierConfig({}));
    expect(s.messageRetries()).toBe(5);
    expect(s.pullCount()).toBe(10);
    expect(s.pullWaitMs()).toBe(1000);
    expect(s.smtp()).toEqual({
      connectionUri: DEFAULT_SINK_SMTP_URI,
      fromAddress: 'no-reply@ory.kratos.sh',
      fromName: '',
      headers: {},
      localName: 'localhost',
      clientCertPath: '',
      clientKeyPath: '',
    });
    expect(s.channels().map((c) => [c.id, c.type])).toEqual([['email', 'smtp']]);
  });

  it('case=the builder can point SMTP and SMS at the running sink', () => {
    const s = new CourierSettings(courierConfig({}), {
      smtpUri: 'smtp://127.0.0.1:2525/?disable_starttls=true',
      smsUrl: 'http://127.0.0.1:8025/api/v1/sms',
    });
    expect(s.smtp().connectionUri).toBe('smtp://127.0.0.1:2525/?disable_starttls=true');
    expect(s.channels()).toEqual([
      { id: 'sms', type: 'http', request: { url: 'http://127.0.0.1:8025/api/v1/sms', method: 'POST' } },
      expect.objectContaining({ id: 'email', type: 'smtp' }),
    ]);
    // A configured value wins over the builder default.
    const configured = new CourierSettings(
      courierConfig({ courier: { smtp: { connection_uri: 'smtps://mail.example:465/' } } }),
      {
        smtpUri: 'smtp://127.0.0.1:2525/',
      },
    );
    expect(configured.smtp().connectionUri).toBe('smtps://mail.example:465/');
  });

  it('case=delivery_strategy http makes the email channel an http one; configured sms wins over the default', () => {
    const s = new CourierSettings(
      courierConfig({
        courier: {
          delivery_strategy: 'http',
          http: { request_config: { url: 'http://mail.example/send' } },
          channels: [{ id: 'sms', type: 'http', request_config: { url: 'http://sms.example/' } }],
        },
      }),
      { smsUrl: 'http://sink/sms' },
    );
    expect(s.channels()).toEqual([
      { id: 'sms', type: 'http', request: { url: 'http://sms.example/' } },
      { id: 'email', type: 'http', request: { url: 'http://mail.example/send' } },
    ]);
  });

  it('case=template URI keys per part', () => {
    const s = new CourierSettings(
      courierConfig({
        courier: {
          templates: {
            verification_code: {
              valid: {
                email: { subject: 's', body: { html: 'h', plaintext: 'p' } },
                sms: { body: { plaintext: 'x' } },
              },
            },
            verifiable_address_changed: { email: { subject: 'v' } },
          },
        },
      }),
    );
    expect(s.templateURI('verification_code_valid', 'email.subject')).toBe('s');
    expect(s.templateURI('verification_code_valid', 'email.body')).toBe('h');
    expect(s.templateURI('verification_code_valid', 'email.body.plaintext')).toBe('p');
    expect(s.templateURI('verification_code_valid', 'sms.body')).toBe('x');
    expect(s.templateURI('verifiable_address_changed', 'email.subject')).toBe('v');
    expect(s.templateURI('verification_code_invalid', 'email.subject')).toBe('');
  });
});
