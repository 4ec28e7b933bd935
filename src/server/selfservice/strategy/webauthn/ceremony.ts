// WebAuthn ceremonies as Kratos runs them with go-webauthn (webauthn/registration.go BeginRegistration,
// webauthn/login.go BeginLogin and validateLogin): the options JSON in go-webauthn's shape
// (`{"publicKey": {...}}`, base64url challenge and ids), the challenge kept in the flow's internal context
// (never serialised, bound to that flow), and verification of the browser's answer. The cryptography is
// @simplewebauthn/server's; the policy around it (clone warning instead of a counter failure, backup flag
// consistency, allowed credentials, user handle) follows go-webauthn.
import { randomBytes } from 'node:crypto';
import { verifyAuthenticationResponse, verifyRegistrationResponse } from '@simplewebauthn/server';
import { parseAuthenticatorData } from '@simplewebauthn/server/helpers';
import type { StoredFlow } from '../../flow/model';
import { fromAnyBase64, type StoredWebAuthnCredential, toBase64Url, toStdBase64 } from './credentials';
import type { RelyingParty, UserVerification } from './relying-party';
import { type ParsedAssertion, type ParsedAttestation, WebAuthnVerificationError } from './response';

/** webauthn.SessionData: what the server remembers between the options and the answer. */
export interface CeremonyState {
  challenge: string;
  rp_id: string;
  /** base64url user handle; null for discoverable logins. */
  user_id: string | null;
  allowed_credential_ids: string[];
  user_verification: UserVerification;
}

type InternalKey = 'webauthn' | 'passkey';

interface InternalSlot {
  session_data?: CeremonyState;
  session_options?: unknown;
}

function slot(flow: StoredFlow, key: InternalKey): InternalSlot {
  const current = flow.internal[key];
  return current && typeof current === 'object' ? (current as InternalSlot) : {};
}

export function ceremonyState(flow: StoredFlow, key: InternalKey): CeremonyState | undefined {
  return slot(flow, key).session_data;
}

export function cachedOptions(flow: StoredFlow, key: InternalKey): unknown {
  return slot(flow, key).session_options;
}

export function storeCeremony(
  flow: StoredFlow,
  key: InternalKey,
  state: CeremonyState,
  options?: unknown,
): void {
  flow.internal[key] = {
    ...slot(flow, key),
    session_data: state,
    ...(options ? { session_options: options } : {}),
  };
}

/** The challenge is single use: removed once a ceremony succeeded. */
export function clearCeremony(flow: StoredFlow, key: InternalKey): void {
  delete flow.internal[key];
}

/** go-webauthn's defaultRegistrationCredentialParameters, in its order. */
export const COSE_ALGORITHMS = [-7, -35, -36, -257, -258, -259, -37, -38, -39, -8];

const descriptor = (c: StoredWebAuthnCredential): Record<string, unknown> => ({
  type: 'public-key',
  id: toBase64Url(fromAnyBase64(c.id)),
  ...(c.transport && c.transport.length > 0 ? { transports: c.transport } : {}),
});

export interface CreationUser {
  id: Buffer;
  /** webauthnx.User falls back to the RP display name for both names. */
  name?: string;
}

/** BeginRegistration: `{publicKey: {rp, user, challenge, pubKeyCredParams, timeout, ...}}`. */
export function beginRegistration(
  rp: RelyingParty,
  user: CreationUser,
  exclude: StoredWebAuthnCredential[] = [],
): { options: Record<string, unknown>; state: CeremonyState } {
  const challenge = toBase64Url(randomBytes(32));
  const name = user.name || rp.name;
  const publicKey: Record<string, unknown> = {
    rp: { name: rp.name, id: rp.id },
    user: { name, displayName: name, id: toBase64Url(user.id) },
    challenge,
    pubKeyCredParams: COSE_ALGORITHMS.map((alg) => ({ type: 'public-key', alg })),
    timeout: rp.registrationTimeoutMs,
    ...(exclude.length > 0 ? { excludeCredentials: exclude.map(descriptor) } : {}),
    authenticatorSelection: rp.selection,
    ...(rp.attestation ? { attestation: rp.attestation } : {}),
  };
  return {
    options: { publicKey },
    state: {
      challenge,
      rp_id: rp.id,
      user_id: toBase64Url(user.id),
      allowed_credential_ids: [],
      user_verification: rp.selection.userVerification,
    },
  };
}

/** BeginLogin (with the user's credentials) or BeginDiscoverableLogin (`userHandle` null, no allow list). */
export function beginLogin(
  rp: RelyingParty,
  userHandle: Buffer | null,
  allow: StoredWebAuthnCredential[] = [],
): { options: Record<string, unknown>; state: CeremonyState } {
  const challenge = toBase64Url(randomBytes(32));
  const allowCredentials = allow.map(descriptor);
  const publicKey: Record<string, unknown> = {
    challenge,
    timeout: rp.loginTimeoutMs,
    rpId: rp.id,
    ...(allowCredentials.length > 0 ? { allowCredentials } : {}),
    userVerification: rp.selection.userVerification,
  };
  return {
    options: { publicKey },
    state: {
      challenge,
      rp_id: rp.id,
      user_id: userHandle ? toBase64Url(userHandle) : null,
      allowed_credential_ids: allowCredentials.map((d) => d.id as string),
      user_verification: rp.selection.userVerification,
    },
  };
}

/** A credential a registration ceremony produced (webauthn.Credential before Kratos stores it). */
export interface RegisteredCredential {
  id: Buffer;
  publicKey: Buffer;
  attestationType: string;
  aaguid: Buffer;
  signCount: number;
  flags: { up: boolean; uv: boolean; be: boolean; bs: boolean };
  transports: string[];
}

/** CreateCredential: challenge, origin, RP id hash, presence (and verification when required), attestation. */
export async function verifyRegistration(
  rp: RelyingParty,
  state: CeremonyState,
  answer: ParsedAttestation,
): Promise<RegisteredCredential> {
  let result: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
  try {
    result = await verifyRegistrationResponse({
      response: answer.json,
      expectedChallenge: state.challenge,
      expectedOrigin: rp.origins,
      expectedRPID: rp.id,
      requireUserVerification: state.user_verification === 'required',
      supportedAlgorithmIDs: COSE_ALGORITHMS,
    });
  } catch (err) {
    throw new WebAuthnVerificationError((err as Error).message);
  }
  if (!result.verified) throw new WebAuthnVerificationError('the attestation could not be verified');
  const info = result.registrationInfo;
  const authData = parseAuthenticatorData(answer.authenticatorData);
  return {
    id: Buffer.from(info.credential.id, 'base64url'),
    publicKey: Buffer.from(info.credential.publicKey),
    attestationType: info.fmt,
    aaguid: Buffer.from(authData.aaguid ?? new Uint8Array(16)),
    signCount: info.credential.counter,
    flags: { up: authData.flags.up, uv: authData.flags.uv, be: authData.flags.be, bs: authData.flags.bs },
    transports: answer.json.response.transports ?? [],
  };
}

/** The stored form of a new credential (identity.CredentialFromWebAuthn). */
export function storedCredential(
  c: RegisteredCredential,
  o: { passwordless: boolean; displayName: string; addedAt: string },
): StoredWebAuthnCredential {
  return {
    id: toStdBase64(c.id),
    public_key: toStdBase64(c.publicKey),
    attestation_type: c.attestationType,
    authenticator: { aaguid: toStdBase64(c.aaguid), sign_count: c.signCount, clone_warning: false },
    display_name: o.displayName,
    added_at: o.addedAt,
    is_passwordless: o.passwordless,
    flags: {
      user_present: c.flags.up,
      user_verified: c.flags.uv,
      backup_eligible: c.flags.be,
      backup_state: c.flags.bs,
    },
    ...(c.transports.length > 0 ? { transport: c.transports } : {}),
  };
}

export interface AssertionResult {
  credential: StoredWebAuthnCredential;
  signCount: number;
  cloneWarning: boolean;
  backupState: boolean;
}

/**
 * validateLogin: the answer must name an allowed credential the user owns, carry the user's handle when it
 * carries one, and verify against the stored key. A counter that did not advance only raises the clone
 * warning (Kratos stores it and lets the login pass, x/webauthnx/signcount.go).
 */
export async function verifyAssertion(
  rp: RelyingParty,
  state: CeremonyState,
  answer: ParsedAssertion,
  user: { handle: Buffer; credentials: StoredWebAuthnCredential[] },
): Promise<AssertionResult> {
  const rawId = answer.rawId.toString('base64url');
  if (state.allowed_credential_ids.length > 0 && !state.allowed_credential_ids.includes(rawId)) {
    throw new WebAuthnVerificationError('User does not own the credential returned');
  }
  if (answer.userHandle.length > 0 && !answer.userHandle.equals(user.handle)) {
    throw new WebAuthnVerificationError('userHandle and User ID do not match');
  }
  const credential = user.credentials.find((c) => fromAnyBase64(c.id).equals(answer.rawId));
  if (!credential) {
    throw new WebAuthnVerificationError('Unable to find the credential for the returned credential ID');
  }
  let verified: Awaited<ReturnType<typeof verifyAuthenticationResponse>>;
  try {
    verified = await verifyAuthenticationResponse({
      response: answer.json,
      expectedChallenge: state.challenge,
      expectedOrigin: rp.origins,
      expectedRPID: rp.id,
      // The counter policy is applied below, so the library must not reject a stale counter itself.
      credential: { id: rawId, publicKey: new Uint8Array(fromAnyBase64(credential.public_key)), counter: 0 },
      requireUserVerification: state.user_verification === 'required',
    });
  } catch (err) {
    throw new WebAuthnVerificationError((err as Error).message);
  }
  if (!verified.verified) throw new WebAuthnVerificationError('the assertion signature is invalid');

  const flags = parseAuthenticatorData(answer.authenticatorData).flags;
  // Legacy credentials without stored flags take the authenticator's (ToWebAuthnFiltered's upgrade path).
  const backupEligible = credential.flags ? credential.flags.backup_eligible : flags.be;
  if (backupEligible !== flags.be) {
    throw new WebAuthnVerificationError('BackupEligible flag inconsistency detected during login validation');
  }
  if (!flags.be && flags.bs) throw new WebAuthnVerificationError('Invalid flag combination: BE=0 and BS=1');

  // Authenticator.UpdateCounter.
  const stored = credential.authenticator?.sign_count ?? 0;
  const counter = verified.authenticationInfo.newCounter;
  const stale = counter <= stored && (counter !== 0 || stored !== 0);
  return {
    credential,
    signCount: stale ? stored : counter,
    cloneWarning: stale || (credential.authenticator?.clone_warning ?? false),
    backupState: flags.bs,
  };
}
