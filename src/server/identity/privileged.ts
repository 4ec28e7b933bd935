// identity/manager.go requiresPrivilegedAccess: a change that touches credentials (identifiers or config),
// verifiable addresses or recovery addresses is only allowed from a privileged session. Traits that feed
// none of these may change at any time.
import type { Credentials, Identity, RecoveryAddress, VerifiableAddress } from './model';
import { isDeepStrictEqual } from 'node:util';

export function protectedFieldsChanged(original: Identity, updated: Identity): boolean {
  return (
    !credentialsEqual(original.credentials, updated.credentials) ||
    !sameList(original.verifiable_addresses, updated.verifiable_addresses, verifiableSignature, false) ||
    !sameList(original.recovery_addresses, updated.recovery_addresses, recoverySignature, true)
  );
}

function credentialsEqual(a: Identity['credentials'], b: Identity['credentials']): boolean {
  const types = Object.keys(a);
  if (types.length !== Object.keys(b).length) return false;
  return types.every((t) => {
    const x = a[t as keyof typeof a] as Credentials;
    const y = b[t as keyof typeof b];
    return (
      y !== undefined &&
      isDeepStrictEqual(x.config ?? {}, y.config ?? {}) &&
      isDeepStrictEqual(new Set(x.identifiers), new Set(y.identifiers))
    );
  });
}

const verifiableSignature = (v: VerifiableAddress): string =>
  [v.value, v.verified, v.via, v.status, v.verified_at ?? ''].join('|');
const recoverySignature = (r: RecoveryAddress): string => [r.value, r.via].join('|');

/** Verifiable addresses compare in order (slices.EqualFunc); recovery addresses as a sorted set. */
function sameList<T>(a: T[], b: T[], signature: (v: T) => string, sorted: boolean): boolean {
  if (a.length !== b.length) return false;
  const x = a.map(signature);
  const y = b.map(signature);
  if (sorted) {
    x.sort();
    y.sort();
  }
  return x.every((s, i) => s === y[i]);
}
