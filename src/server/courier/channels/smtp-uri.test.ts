// courier.smtp.connection_uri semantics (courier/smtp.go) mapped onto nodemailer.
import { describe, expect, it } from 'vitest';
import { smtpTransportOptions } from './smtp-uri';

describe('smtpTransportOptions', () => {
  it('case=smtp:// requires STARTTLS with verification by default', () => {
    expect(smtpTransportOptions('smtp://mail.example:587/', 'localhost')).toMatchObject({
      host: 'mail.example',
      port: 587,
      secure: false,
      requireTLS: true,
      ignoreTLS: false,
      name: 'localhost',
      tls: { rejectUnauthorized: true, servername: 'mail.example', minVersion: 'TLSv1.2' },
    });
  });

  it('case=disable_starttls=true is cleartext', () => {
    expect(smtpTransportOptions('smtp://127.0.0.1:1025/?disable_starttls=true', 'gh')).toMatchObject({
      host: '127.0.0.1',
      port: 1025,
      secure: false,
      requireTLS: false,
      ignoreTLS: true,
      name: 'gh',
    });
  });

  it('case=smtps:// is implicit TLS; skip_ssl_verify, server_name and credentials', () => {
    const o = smtpTransportOptions(
      'smtps://us%40r:p%3Ass@10.0.0.1:465/?skip_ssl_verify=true&server_name=mail.example',
      '',
    );
    expect(o).toMatchObject({
      host: '10.0.0.1',
      port: 465,
      secure: true,
      requireTLS: false,
      auth: { user: 'us@r', pass: 'p:ss' },
      name: 'localhost',
      tls: { rejectUnauthorized: false, servername: 'mail.example' },
    });
  });

  it.each([
    ['not a uri', 'The SMTP connection URI is malformed. Please contact a system administrator.'],
    ['smtp://', 'Courier tried to deliver an email but courier.smtp.connection_uri is not set!'],
  ])('case=%j is a dispatch failure', (uri, message) => {
    expect(() => smtpTransportOptions(uri, '')).toThrow(
      expect.objectContaining({ error: expect.objectContaining({ message }) }),
    );
  });
});
