import { describe, expect, it } from 'vitest';
import { Config } from '../../../config/config';
import type { Credentials } from '../../../identity/model';
import { codeCredentialsCounter } from './counter';

const config = (code: Record<string, unknown>): Config =>
  new Config({ dsn: 'memory', selfservice: { methods: { code } } }, { dev: true });

const cred = (config: Record<string, unknown>): { code: Credentials } => ({
  code: { type: 'code', identifiers: ['a@b.c'], config, version: 1, created_at: '', updated_at: '' },
});

describe('the code method in available_aal', () => {
  it('case=passwordless counts one first factor for every identity, credential or not', () => {
    expect(codeCredentialsCounter(config({ passwordless_enabled: true })).countFirstFactor({})).toBe(1);
    expect(codeCredentialsCounter(config({})).countFirstFactor(cred({ addresses: [] }))).toBe(0);
  });

  it.each([
    ['mfa off', {}, { addresses: [{ channel: 'email', address: 'a@b.c' }] }, 0],
    ['one address', { mfa_enabled: true }, { addresses: [{ channel: 'email', address: 'a@b.c' }] }, 1],
    [
      'two addresses, one empty',
      { mfa_enabled: true },
      {
        addresses: [
          { channel: 'email', address: 'a@b.c' },
          { channel: 'sms', address: '+14155550100' },
          { channel: 'email', address: '' },
        ],
      },
      2,
    ],
    ['no addresses', { mfa_enabled: true }, { addresses: [] }, 0],
    ['first credential version with address_type', { mfa_enabled: true }, { address_type: 'email' }, 1],
    ['first credential version without a type', { mfa_enabled: true }, { address_type: '' }, 0],
  ])('case=%s', (_case, code, stored, want) => {
    expect(codeCredentialsCounter(config(code)).countMultiFactor(cred(stored))).toBe(want);
  });

  it('case=no code credential counts nothing', () => {
    expect(codeCredentialsCounter(config({ mfa_enabled: true })).countMultiFactor({})).toBe(0);
  });
});
