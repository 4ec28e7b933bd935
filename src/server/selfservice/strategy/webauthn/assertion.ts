// Completing a WebAuthn or passkey sign-in (webauthn/login.go loginAuthenticate, passkey/passkey_login.go):
// parse the answer, check it against the flow's challenge and the identity's credentials, then persist the
// authenticator's counter, clone warning and backup state. Any verification failure is the one form message
// 4000043; nothing about the identity changes then.
import { badRequest } from '../../../errors/errors';
import type { Identity } from '../../../identity/model';
import type { IdentityPersister } from '../../../identity/persister';
import type { Logger } from '../../../logger';
import { webAuthnVerifierWrong } from '../../../text/credentials';
import type { StoredFlow } from '../../flow/model';
import { uiError } from '../../flow/ui-error';
import { type CeremonyState, ceremonyState, verifyAssertion } from './ceremony';
import {
  applyLoginToCredential,
  readWebAuthnConfig,
  type StoredWebAuthnCredential,
  writeWebAuthnConfig,
} from './credentials';
import type { RelyingParty } from './relying-party';
import { type ParsedAssertion, parseAssertion, WebAuthnParseError } from './response';

/** The answer of the hidden input, or Kratos's 400 "Unable to parse WebAuthn response." */
export function parseLoginAnswer(raw: string): ParsedAssertion {
  try {
    return parseAssertion(raw);
  } catch (err) {
    if (err instanceof WebAuthnParseError) throw badRequest('Unable to parse WebAuthn response.');
    throw err;
  }
}

/** The challenge the flow issued; a flow that never issued one cannot be answered. */
export function requireCeremony(flow: StoredFlow, key: 'webauthn' | 'passkey'): CeremonyState {
  const state = ceremonyState(flow, key);
  if (!state) throw badRequest('Expected WebAuthN in internal context to be an object.');
  return state;
}

export interface AuthenticateDeps {
  identityPersister: IdentityPersister;
  logger: Logger;
}

export interface AuthenticateInput {
  rp: RelyingParty;
  state: CeremonyState;
  answer: ParsedAssertion;
  identity: Identity;
  type: 'webauthn' | 'passkey';
  /** The credentials this sign-in may use (passwordless only, MFA only, or all for a refresh). */
  credentials: StoredWebAuthnCredential[];
  /** The user handle the authenticator must belong to. */
  userHandle: Buffer;
  /** ValidateLogin's "ID mismatch for User and Session": the handle the challenge was issued for. */
  checkSessionUser: boolean;
}

export async function authenticate(deps: AuthenticateDeps, o: AuthenticateInput): Promise<void> {
  if (o.checkSessionUser && (o.state.user_id ?? '') !== o.userHandle.toString('base64url')) {
    throw uiError(webAuthnVerifierWrong());
  }
  let result: Awaited<ReturnType<typeof verifyAssertion>>;
  try {
    result = await verifyAssertion(o.rp, o.state, o.answer, {
      handle: o.userHandle,
      credentials: o.credentials,
    });
  } catch (err) {
    deps.logger.debug('WebAuthn assertion rejected', { error: String((err as Error).message) });
    throw uiError(webAuthnVerifierWrong());
  }
  persistSignCount(deps, o.identity, o.type, result.credential.id, result);
}

/**
 * UpdateSignCountAfterLogin: best effort. The user already proved possession of the authenticator, so a
 * failed write is logged and the sign-in still succeeds.
 */
function persistSignCount(
  deps: AuthenticateDeps,
  identity: Identity,
  type: 'webauthn' | 'passkey',
  credentialId: string,
  result: { signCount: number; cloneWarning: boolean; backupState: boolean },
): void {
  try {
    const fresh = deps.identityPersister.getIdentity(identity.id) ?? identity;
    const cred = fresh.credentials[type];
    if (!cred) return;
    const config = readWebAuthnConfig(cred);
    const target = config.credentials.find((c) => c.id === credentialId);
    if (!target || !applyLoginToCredential(target, result)) return;
    cred.config = writeWebAuthnConfig(config);
    deps.identityPersister.updateIdentity(fresh);
    identity.credentials[type] = cred;
  } catch (err) {
    deps.logger.warn(
      'Unable to persist updated WebAuthn signature counter. The login succeeded but clone detection state was not persisted.',
      { identity_id: identity.id, error: String(err) },
    );
  }
}
