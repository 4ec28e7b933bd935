// What the `code` method contributes to an identity's available AAL (selfservice/strategy/code/strategy.go
// CountActiveFirstFactorCredentials / CountActiveMultiFactorCredentials).
import type { Config } from '../../../config/config';
import type { CredentialsCounter } from '../../../identity/counter';
import { codeMethodSettings } from './config';

export function codeCredentialsCounter(config: Config): CredentialsCounter {
  return {
    type: 'code',
    // With passwordless login every identity can sign in by code, credential or not (Kratos counts 1).
    countFirstFactor: () => (codeMethodSettings(config).passwordlessEnabled ? 1 : 0),
    countMultiFactor: (credentials) => {
      if (!codeMethodSettings(config).mfaEnabled) return 0;
      const stored = credentials.code?.config;
      if (!stored || typeof stored !== 'object') return 0;
      // Credentials of the first code-credential version named one address type.
      if (Object.hasOwn(stored, 'address_type')) {
        return typeof stored.address_type === 'string' && stored.address_type !== '' ? 1 : 0;
      }
      const addresses = Array.isArray(stored.addresses) ? stored.addresses : [];
      return addresses.filter(
        (a: unknown) =>
          a !== null &&
          typeof a === 'object' &&
          typeof (a as { address?: unknown }).address === 'string' &&
          (a as { address: string }).address !== '',
      ).length;
    },
  };
}
