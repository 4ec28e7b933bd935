// The console's template preview: sample data, given data, unsaved template text, and problems
// reported as data.
import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../../test/courier/harness';

let h: Harness;
afterEach(() => h.closeAll());

describe('preview', () => {
  it('case=every template type previews with sample data', async () => {
    h = createHarness();
    for (const type of [
      'recovery_valid',
      'recovery_invalid',
      'recovery_code_valid',
      'recovery_code_invalid',
      'verification_valid',
      'verification_invalid',
      'verification_code_valid',
      'verification_code_invalid',
      'login_code_valid',
      'registration_code_valid',
      'verifiable_address_changed',
      'authenticator_key_added',
      'stub',
    ]) {
      const r = await h.courier.preview({ templateType: type });
      expect(r.ok, `${type}: ${JSON.stringify(r)}`).toBe(true);
      expect(r.channel).toBe('email');
      expect(r.subject?.output).toBeTruthy();
      expect(r.html?.output).toBeTruthy();
    }
  });

  it('case=sample links use the public base URL; given data wins over samples', async () => {
    h = createHarness();
    const r = await h.courier.preview({
      templateType: 'verification_code_valid',
      model: { VerificationCode: '000111' },
    });
    expect(r.subject).toEqual({
      output: 'Use code 000111 to verify your account',
      origin: { kind: 'builtin', location: 'verification_code/valid/email.subject.gotmpl' },
    });
    expect(r.plaintext?.output).toContain('http://127.0.0.1:4433/self-service/verification?code=');
    expect(r.model).toMatchObject({
      To: 'jane.doe@example.com',
      ExpiresInMinutes: 60,
      VerificationCode: '000111',
    });
    expect(r.model).not.toHaveProperty('RecoveryCode');
  });

  it('case=sms preview', async () => {
    h = createHarness();
    const r = await h.courier.preview({ templateType: 'login_code_valid', channel: 'sms' });
    expect(r.ok).toBe(true);
    expect(r.sms?.output).toMatch(/^\d{6} is your sign-in code/);
    expect(r.sms?.output).toContain('@127.0.0.1 #');
    expect(r.subject).toBeUndefined();
  });

  it('case=unsaved template text, with errors as data', async () => {
    h = createHarness();
    const r = await h.courier.preview({
      templateType: 'login_code_valid',
      sample: false,
      model: { To: 'a@b.c', LoginCode: '42' },
      sources: {
        'email.subject': '  Code {{ .LoginCode }}  ',
        'email.body': '<p>{{ .LoginCode }',
        'email.body.plaintext': '{{ .LoginCode.X }}',
      },
    });
    expect(r.ok).toBe(false);
    expect(r.subject).toEqual({
      output: 'Code 42',
      origin: { kind: 'inline', location: 'email.subject.gotmpl' },
    });
    expect(r.html?.error).toBe('template: email.body.gotmpl:1: unexpected "}" in operand');
    expect(r.plaintext?.error).toContain("can't evaluate field X in type interface {}");
  });

  it.each([
    [{ templateType: 'nope' }, 'unknown template type "nope"'],
    [
      { templateType: 'recovery_valid', channel: 'sms' as const },
      'template type recovery_valid has no sms variant',
    ],
  ])('case=bad request %j', async (input, error) => {
    h = createHarness();
    const r = await h.courier.preview(input);
    expect(r).toMatchObject({ ok: false, error });
  });

  it('case=a broken configured template is reported, not thrown', async () => {
    h = createHarness({
      courier: { templates: { recovery: { valid: { email: { subject: 'grpc://x' } } } } },
    });
    const r = await h.courier.preview({ templateType: 'recovery_valid' });
    expect(r.ok).toBe(false);
    expect(r.subject?.origin).toEqual({ kind: 'uri', location: 'grpc://x' });
    expect(r.subject?.error).toContain('unknown scheme');
    expect(r.html?.output).toContain('Recover access to your account by clicking the following link:');
  });
});
