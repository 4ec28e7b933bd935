import { createPrivateKey, X509Certificate } from 'node:crypto';
import { createSecureContext } from 'node:tls';
import { describe, expect, it } from 'vitest';
import { selfSignedCertificate } from './tls';

describe('selfSignedCertificate', () => {
  it('case=a valid self-signed P-256 certificate for the names and addresses given', () => {
    const now = new Date('2026-11-21T00:00:00Z');
    const { key, cert } = selfSignedCertificate(['mailhog.example', 'localhost', '127.0.0.1', '::1'], now);
    const x = new X509Certificate(cert);
    expect(x.subject).toBe('CN=mailhog.example');
    expect(x.issuer).toBe(x.subject);
    expect(x.verify(x.publicKey)).toBe(true);
    expect(x.checkPrivateKey(createPrivateKey(key))).toBe(true);
    expect(x.checkHost('localhost')).toBe('localhost');
    expect(x.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(x.checkIP('::1')).toBe('::1');
    expect(x.ca).toBe(false);
    expect(new Date(x.validFrom).getTime()).toBeLessThan(now.getTime());
    expect(new Date(x.validTo).getUTCFullYear()).toBe(2036);
    expect(x.keyUsage).toContain('1.3.6.1.5.5.7.3.1');
    expect(() => createSecureContext({ key, cert })).not.toThrow();
  });

  it('case=each call has a fresh key and serial; far-future validity uses GeneralizedTime', () => {
    const a = new X509Certificate(selfSignedCertificate(['a']).cert);
    const b = new X509Certificate(selfSignedCertificate(['a']).cert);
    expect(a.serialNumber).not.toBe(b.serialNumber);
    const late = new X509Certificate(selfSignedCertificate(['late'], new Date('2045-06-01T00:00:00Z')).cert);
    expect(new Date(late.validTo).getUTCFullYear()).toBe(2055);
  });
});
