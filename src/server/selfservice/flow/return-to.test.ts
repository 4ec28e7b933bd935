import { describe, expect, it } from 'vitest';
import { KratosError } from '../../errors/errors';
import { secureReturnTo } from './return-to';

const policy = {
  allowed: [
    'https://app.example.com/dashboard',
    'https://*.example.org',
    'http://localhost:3000',
    'https://*example.net',
  ],
  defaultReturnTo: new URL('https://app.example.com/welcome'),
  publicBaseURL: new URL('http://127.0.0.1:4433/'),
};

describe('secureReturnTo', () => {
  it.each([
    [undefined, 'https://app.example.com/welcome'],
    ['https://app.example.com/dashboard', 'https://app.example.com/dashboard'],
    ['https://app.example.com/dashboard/settings?x=1', 'https://app.example.com/dashboard/settings?x=1'],
    // Kratos's prefix rule is a plain string prefix; mirrored deliberately.
    ['https://app.example.com/dashboard-evil', 'https://app.example.com/dashboard-evil'],
    ['https://APP.example.com/dashboard', 'https://app.example.com/dashboard'],
    ['/dashboard', 'https://app.example.com/dashboard'],
    ['https://tenant.example.org/anything', 'https://tenant.example.org/anything'],
    ['http://localhost:3000/callback', 'http://localhost:3000/callback'],
    ['http://127.0.0.1:4433/self-service/login/browser', 'http://127.0.0.1:4433/self-service/login/browser'],
  ])('case=allows %s', (raw, expected) => {
    expect(secureReturnTo(raw, policy).toString()).toBe(expected);
  });

  it.each([
    'https://evil.example/dashboard',
    '//evil.example/dashboard',
    'https:evil.example',
    'javascript:alert(1)',
    '\\\\evil.example',
    '/\\evil.example',
    'https://app.example.com@evil.example/dashboard',
    'https://app.example.com/other',
    'https://evilexample.org/',
    'https://example.org/',
    'https://evilexample.net/',
    'http://app.example.com/dashboard',
    'http://localhost:3001/',
    'welcome',
    'https://app.example.com/dashboard\n.evil',
  ])('case=refuses %j', (raw) => {
    try {
      secureReturnTo(raw, policy);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(KratosError);
      expect((err as KratosError).toBody()).toMatchObject({
        id: 'self_service_flow_return_to_forbidden',
        code: 400,
      });
    }
  });
});
