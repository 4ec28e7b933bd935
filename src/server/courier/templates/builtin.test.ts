// The built-in templates: every type renders with sample data, carries the first lines Kratos's e2e
// suite greps for, and keeps the links and codes where mail-reading tests look for them (the first
// <a> of the HTML is the action link, the first six-digit run is the code).
import { describe, expect, it } from 'vitest';
import { courierConfig } from '../../../../test/courier/harness';
import { CourierSettings } from '../config';
import type { TemplateType } from '../model';
import { TemplateLoader } from './loader';
import { templateModel } from './model';
import { TemplateRenderer } from './render';
import { sampleModel } from './samples';
import { templateTypesFor } from './spec';

const renderer = new TemplateRenderer(new TemplateLoader(new CourierSettings(courierConfig())));
const base = new URL('http://127.0.0.1:4433/');
const now = new Date('2026-11-21T10:00:00Z');
const sample = (t: TemplateType, channel: 'email' | 'sms'): Record<string, unknown> =>
  templateModel(t, channel, { ...sampleModel(t, channel, base, now), RecoveryCode: '482915' });

const FIRST_LINES: [TemplateType, string, string][] = [
  [
    'recovery_valid',
    'Recover access to your account by clicking the following link:',
    'Recover access to your account',
  ],
  [
    'recovery_code_valid',
    'Recover access to your account by entering the following code:',
    'Use code 482915 to recover access to your account',
  ],
  [
    'verification_valid',
    'Verify your account by opening the following link:',
    'Please verify your email address',
  ],
  [
    'verification_code_valid',
    'Verify your account with the following code:',
    'Use code 482915 to verify your account',
  ],
  ['login_code_valid', 'Login to your account with the following code:', 'Use code 482915 to log in'],
  [
    'registration_code_valid',
    'Complete your account registration with the following code:',
    'Use code 482915 to complete your account registration',
  ],
  ['recovery_invalid', 'Hello,', 'Account access attempted'],
  ['recovery_code_invalid', 'Hello,', 'Account access attempted'],
  ['verification_invalid', 'Hello,', 'Someone tried to verify this email address'],
  ['verification_code_invalid', 'Hello,', 'Someone tried to verify this email address'],
  ['verifiable_address_changed', 'Hello,', 'A verifiable address on your account was changed'],
  ['authenticator_key_added', 'Hello,', 'A new sign-in method was added to your account'],
];

describe('built-in email templates', () => {
  it.each(FIRST_LINES)('case=%s renders subject, plaintext and html', async (type, firstLine, subject) => {
    const email = await renderer.renderEmail(type, sample(type, 'email'));
    expect(email.subject).toBe(subject);
    expect(email.plaintext.split('\n')[0]).toBe(firstLine);
    expect(email.html).toContain(firstLine);
    expect(email.html).toMatch(/^<!DOCTYPE html>\n<html lang="en"/);
    expect(email.html).not.toContain('<no value>');
    expect(email.plaintext).not.toContain('<no value>');
  });

  it('case=every email type has all three files', () => {
    expect(
      templateTypesFor('email')
        .filter((t) => t !== 'stub')
        .sort(),
    ).toEqual(FIRST_LINES.map(([t]) => t).sort());
  });

  it.each([
    ['recovery_code_valid', 'RecoveryCode'],
    ['verification_code_valid', 'VerificationCode'],
    ['login_code_valid', 'LoginCode'],
    ['registration_code_valid', 'RegistrationCode'],
  ] as const)('case=%s: the first six-digit run of the html and text is the code', async (type, field) => {
    const model = templateModel(type, 'email', {
      ...sampleModel(type, 'email', base, now),
      [field]: '731904',
    });
    const email = await renderer.renderEmail(type, model);
    expect(/(\d{6})/.exec(email.html)?.[1]).toBe('731904');
    expect(/(\d{6})/.exec(email.plaintext)?.[1]).toBe('731904');
    expect(email.plaintext).toMatch(/expires? in 60 minutes/);
  });

  it.each([
    ['recovery_valid', 'RecoveryURL'],
    ['verification_valid', 'VerificationURL'],
    ['verification_code_valid', 'VerificationURL'],
  ] as const)('case=%s: the first link of the html is the action link', async (type, field) => {
    const url = 'http://127.0.0.1:4455/self-service/x?flow=abc&token=t0k';
    const email = await renderer.renderEmail(
      type,
      templateModel(type, 'email', { ...sampleModel(type, 'email', base, now), [field]: url }),
    );
    const href = /<a\s[^>]*href="([^"]*)"/.exec(email.html)?.[1];
    expect(href?.replaceAll('&amp;', '&')).toBe(url);
    expect(email.plaintext).toContain(url);
  });

  it('case=values are html-escaped in the html body and left alone in the text', async () => {
    const model = templateModel('verification_code_valid', 'email', {
      ...sampleModel('verification_code_valid', 'email', base, now),
      VerificationCode: '<b>1</b>',
      VerificationURL: 'javascript:alert(1)',
    });
    const email = await renderer.renderEmail('verification_code_valid', model);
    expect(email.html).toContain('&lt;b&gt;1&lt;/b&gt;');
    expect(email.html).toContain('href="#ZgotmplZ"');
    expect(email.plaintext).toContain('<b>1</b>');
  });

  it('case=notices show the account id only when the identity has one', async () => {
    const withId = await renderer.renderEmail(
      'verifiable_address_changed',
      templateModel('verifiable_address_changed', 'email', {
        To: 'a@b.c',
        Identity: { id: 'id-1' },
        ChangedAt: '2026-11-21T10:00:00Z',
      }),
    );
    expect(withId.plaintext).toContain('Account ID: id-1');
    expect(withId.plaintext).toContain('(2026-11-21T10:00:00Z)');
    const without = await renderer.renderEmail(
      'verifiable_address_changed',
      templateModel('verifiable_address_changed', 'email', { To: 'a@b.c' }),
    );
    expect(without.plaintext).not.toContain('Account ID');
    expect(without.html).not.toContain('Account ID');
  });
});

describe('built-in sms templates', () => {
  it.each(templateTypesFor('sms').filter((t) => t !== 'stub'))('case=%s renders', async (type) => {
    const body = await renderer.renderSms(type, sample(type, 'sms'));
    expect(body.length).toBeGreaterThan(20);
    expect(body).not.toContain('<no value>');
  });

  it('case=code messages end with the WebOTP line when the domain is known', async () => {
    const model = templateModel('login_code_valid', 'sms', {
      To: '+15550100',
      LoginCode: '123456',
      ExpiresInMinutes: 10n,
      RequestURLDomain: 'id.example.com',
    });
    expect(await renderer.renderSms('login_code_valid', model)).toBe(
      '123456 is your sign-in code. It expires in 10 minutes. Not trying to sign in? Ignore this message.\n\n@id.example.com #123456\n',
    );
    const noDomain = templateModel('login_code_valid', 'sms', {
      To: '+15550100',
      LoginCode: '123456',
      ExpiresInMinutes: 10n,
    });
    expect(await renderer.renderSms('login_code_valid', noDomain)).toBe(
      '123456 is your sign-in code. It expires in 10 minutes. Not trying to sign in? Ignore this message.\n',
    );
  });
});

describe('stub', () => {
  it('case=returns its fields without templating, html falling back to the text', async () => {
    const model = templateModel('stub', 'email', { To: 'a@b.c', Subject: ' {{x}} ', Body: 'text {{ y }}' });
    expect(await renderer.renderEmail('stub', model)).toEqual({
      subject: ' {{x}} ',
      plaintext: 'text {{ y }}',
      html: 'text {{ y }}',
    });
  });
});
