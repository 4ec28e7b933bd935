// Where codes go (selfservice/strategy/code/strategy_mfa.go, strategy_login.go, strategy.go
// FindCodeAddresses): the addresses of an identity's `code` credential, Kratos's fallback to verifiable
// addresses for identities without one, and marking the address a code went to as verified.
import { badRequest } from '../../../errors/errors';
import type { Identity } from '../../../identity/model';
import { gracefulNormalization } from '../../../identity/normalize';
import type { IdentityPersister } from '../../../identity/persister';
import { loginAddressUnknown } from '../../../text/login';
import { noCodeUser } from '../../../text/credentials';
import { requiredFields, uiError } from '../../flow/ui-error';

export type CodeChannel = 'email' | 'sms';

export interface Address {
  to: string;
  via: CodeChannel;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

export const noCodeCredentials = (): Error => uiError(noCodeUser());

/** The addresses stored in a `code` credential's config (`{"addresses":[{"channel","address"}]}`). */
export function credentialAddresses(identity: Identity): Address[] {
  const config = identity.credentials.code?.config;
  const list = isObject(config) && Array.isArray(config.addresses) ? config.addresses : [];
  const out: Address[] = [];
  for (const item of list) {
    if (!isObject(item) || typeof item.address !== 'string' || item.address === '') continue;
    if (item.channel !== 'email' && item.channel !== 'sms') continue;
    out.push({ to: item.address, via: item.channel });
  }
  return out;
}

/** FindAllIdentifiers: every verifiable address, verified or not. */
function verifiableAddresses(identity: Identity): Address[] {
  return identity.verifiable_addresses
    .filter((a) => a.value !== '' && (a.via === 'email' || a.via === 'sms'))
    .map((a) => ({ to: a.value, via: a.via as CodeChannel }));
}

/**
 * FindCodeAddressCandidates: the credential's addresses; without any, the verifiable addresses when the
 * fallback is enabled, else none.
 */
export function codeAddressCandidates(identity: Identity, fallbackEnabled: boolean): Address[] {
  const stored = credentialAddresses(identity);
  if (stored.length > 0) return stored;
  return fallbackEnabled ? verifiableAddresses(identity) : [];
}

/**
 * FindCodeAddresses: all candidates, or with `?via=<trait>` only the candidate equal to that trait's
 * value (Kratos's deprecated way to pick the second-factor address).
 */
export function findCodeAddresses(identity: Identity, via: string, fallbackEnabled: boolean): Address[] {
  if (via === '') return codeAddressCandidates(identity, fallbackEnabled);
  const raw = traitAt(identity.traits, via);
  if (raw === '') throw badRequest(`No value found for trait ${via} in the current identity.`);
  const value = gracefulNormalization(raw);
  const candidates = codeAddressCandidates(identity, fallbackEnabled);
  if (candidates.length === 0) return [];
  const found = candidates.find((a) => a.to === value);
  if (!found) {
    throw badRequest(
      'You can only reference a trait that matches a verification email address in the via parameter, or a registered credential.',
    );
  }
  return [found];
}

/** gjson-style dotted path into the traits, as a string ("" when absent). */
function traitAt(traits: unknown, path: string): string {
  let cur: unknown = traits;
  for (const seg of path.split('.')) {
    if (Array.isArray(cur) && /^\d+$/.test(seg)) cur = cur[Number(seg)];
    else if (isObject(cur) && Object.hasOwn(cur, seg)) cur = cur[seg];
    else return '';
  }
  if (cur === undefined || cur === null) return '';
  return typeof cur === 'string' ? cur : JSON.stringify(cur);
}

/** maybeNormalizeEmail: phones' keyboards capitalise the first letter, so emails are lower-cased. */
export function maybeLowerEmail(input: string): string {
  return input.includes('@') ? input.toLowerCase() : input;
}

export interface IdentityForIdentifier {
  identity: Identity;
  addresses: Address[];
}

export interface LookupDeps {
  identityPersister: IdentityPersister;
}

/**
 * findIdentityForIdentifier: the identity whose `code` credential holds the identifier and its addresses.
 * Identities without a code credential are found through any other identifier and get the identifier as
 * an email address when `missing_credential_fallback_enabled` is on; for second factors the session's
 * verifiable addresses are the fallback. Everything else is 4000035.
 */
export function findIdentityForIdentifier(
  deps: LookupDeps,
  identifier: string,
  o: { fallbackEnabled: boolean; sessionIdentity?: Identity },
): IdentityForIdentifier {
  if (identifier === '') throw requiredFields(['identifier']);
  const p = deps.identityPersister;
  const normalized = gracefulNormalization(identifier);
  const byCode =
    p.findByCredentialsIdentifier('code', normalized) ??
    (normalized !== identifier ? p.findByCredentialsIdentifier('code', identifier) : undefined);
  if (byCode) {
    if ((byCode.credentials.code?.identifiers.length ?? 0) === 0) throw noCodeCredentials();
    return { identity: byCode, addresses: credentialAddresses(byCode) };
  }

  const other = findByAnyIdentifier(p, identifier);
  if (other) {
    if (!o.fallbackEnabled) throw noCodeCredentials();
    // Old accounts without a code credential: the identifier itself receives the code.
    return { identity: other, addresses: [{ to: identifier, via: 'email' }] };
  }
  if (o.sessionIdentity) {
    if (!o.fallbackEnabled) throw noCodeCredentials();
    const address = o.sessionIdentity.verifiable_addresses.find((a) => a.value === normalized);
    if (!address || (address.via !== 'email' && address.via !== 'sms')) throw uiError(loginAddressUnknown());
    return { identity: o.sessionIdentity, addresses: [{ to: address.value, via: address.via }] };
  }
  throw noCodeCredentials();
}

/** FindIdentityByCredentialIdentifier: whatever the credential type, normalised or as typed. */
function findByAnyIdentifier(p: IdentityPersister, identifier: string): Identity | undefined {
  const [found] = p.listIdentities({ credentialsIdentifier: identifier, limit: 1, withCredentials: true });
  return found;
}

/**
 * verifyAddress: the unverified verifiable address a code was delivered to becomes verified (a code in the
 * inbox proves ownership). Returns whether an address changed.
 */
export function markAddressVerified(identity: Identity, delivered: Address, now: string): boolean {
  const address = identity.verifiable_addresses.find(
    (a) => !a.verified && a.value === delivered.to && a.via === delivered.via,
  );
  if (!address) return false;
  address.verified = true;
  address.verified_at = now;
  address.status = 'completed';
  address.updated_at = now;
  return true;
}
