// Parsing the browser's answer (the JSON the webauthn.js triggers put into the hidden input), the checks
// go-webauthn's ParseCredentialCreationResponseBody / ParseCredentialRequestResponseBody make before any
// verification: a JSON object, a base64url id, type "public-key" and decodable response fields. Anything
// else is the client's mistake and becomes a 400, never a crash.
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { decodeAttestationObject, parseAuthenticatorData } from '@simplewebauthn/server/helpers';

/** The answer could not be parsed (Kratos: 400 "Unable to parse WebAuthn response"). */
export class WebAuthnParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebAuthnParseError';
  }
}

/** The answer parsed but did not verify (wrong challenge, origin, RP, signature, credential...). */
export class WebAuthnVerificationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebAuthnVerificationError';
  }
}

const B64URL = /^[A-Za-z0-9_-]*={0,2}$/;

/** Strict base64url (URLEncodedBase64 accepts optional padding); throws on anything else. */
export function decodeBase64Url(value: unknown, field: string, required = true): Buffer {
  if (value === undefined || value === null || value === '') {
    if (required) throw new WebAuthnParseError(`Missing ${field}`);
    return Buffer.alloc(0);
  }
  if (typeof value !== 'string' || !B64URL.test(value) || value.replace(/=+$/, '').length % 4 === 1) {
    throw new WebAuthnParseError(`${field} is not base64url encoded`);
  }
  return Buffer.from(value.replace(/=+$/, ''), 'base64url');
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

function parseEnvelope(
  raw: string,
  kind: 'Registration' | 'Login',
): {
  rawId: Buffer;
  response: Record<string, unknown>;
  attachment?: 'platform' | 'cross-platform';
} {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new WebAuthnParseError(`Parse error for ${kind}`);
  }
  if (!isObject(parsed)) throw new WebAuthnParseError(`Parse error for ${kind}`);
  const id = decodeBase64Url(parsed.id, 'ID');
  if (id.length === 0) throw new WebAuthnParseError('ID not base64.RawURLEncoded');
  if (parsed.type === undefined || parsed.type === '') throw new WebAuthnParseError('Missing type');
  if (parsed.type !== 'public-key') throw new WebAuthnParseError('Type not public-key');
  const rawId = parsed.rawId === undefined ? id : decodeBase64Url(parsed.rawId, 'rawId');
  if (!rawId.equals(id)) throw new WebAuthnParseError('ID and rawId do not match');
  if (!isObject(parsed.response)) throw new WebAuthnParseError('Missing response');
  const attachment =
    parsed.authenticatorAttachment === 'platform' || parsed.authenticatorAttachment === 'cross-platform'
      ? parsed.authenticatorAttachment
      : undefined;
  return { rawId, response: parsed.response, ...(attachment ? { attachment } : {}) };
}

function clientData(encoded: Buffer): void {
  let data: unknown;
  try {
    data = JSON.parse(encoded.toString('utf8'));
  } catch {
    throw new WebAuthnParseError('clientDataJSON is not valid JSON');
  }
  if (!isObject(data) || typeof data.challenge !== 'string' || typeof data.origin !== 'string') {
    throw new WebAuthnParseError('clientDataJSON lacks a challenge or origin');
  }
}

export interface ParsedAttestation {
  rawId: Buffer;
  authenticatorData: Uint8Array<ArrayBuffer>;
  json: RegistrationResponseJSON;
}

/** A navigator.credentials.create() answer. */
export function parseAttestation(raw: string): ParsedAttestation {
  const { rawId, response, attachment } = parseEnvelope(raw, 'Registration');
  const clientDataJSON = decodeBase64Url(response.clientDataJSON, 'clientDataJSON');
  const attestationObject = decodeBase64Url(response.attestationObject, 'attestationObject');
  clientData(clientDataJSON);
  let authenticatorData: Uint8Array<ArrayBuffer>;
  try {
    authenticatorData = new Uint8Array(
      decodeAttestationObject(new Uint8Array(attestationObject)).get('authData'),
    );
    const parsed = parseAuthenticatorData(authenticatorData);
    if (!parsed.credentialID || !parsed.credentialPublicKey) throw new Error('no attested credential');
  } catch {
    throw new WebAuthnParseError('Error parsing attestation response');
  }
  const transports = Array.isArray(response.transports)
    ? response.transports.filter((t): t is string => typeof t === 'string')
    : [];
  const id = rawId.toString('base64url');
  return {
    rawId,
    authenticatorData,
    json: {
      id,
      rawId: id,
      type: 'public-key',
      response: {
        clientDataJSON: clientDataJSON.toString('base64url'),
        attestationObject: attestationObject.toString('base64url'),
        ...(transports.length > 0 ? { transports } : {}),
      },
      clientExtensionResults: {},
      ...(attachment ? { authenticatorAttachment: attachment } : {}),
    },
  };
}

export interface ParsedAssertion {
  rawId: Buffer;
  userHandle: Buffer;
  authenticatorData: Uint8Array<ArrayBuffer>;
  json: AuthenticationResponseJSON;
}

/** A navigator.credentials.get() answer. */
export function parseAssertion(raw: string): ParsedAssertion {
  const { rawId, response, attachment } = parseEnvelope(raw, 'Login');
  const clientDataJSON = decodeBase64Url(response.clientDataJSON, 'clientDataJSON');
  const authenticatorData = decodeBase64Url(response.authenticatorData, 'authenticatorData');
  const signature = decodeBase64Url(response.signature, 'signature');
  const userHandle = decodeBase64Url(response.userHandle, 'userHandle', false);
  clientData(clientDataJSON);
  try {
    parseAuthenticatorData(new Uint8Array(authenticatorData));
  } catch {
    throw new WebAuthnParseError('Error parsing the authenticator data');
  }
  const id = rawId.toString('base64url');
  return {
    rawId,
    userHandle,
    authenticatorData: new Uint8Array(authenticatorData),
    json: {
      id,
      rawId: id,
      type: 'public-key',
      response: {
        clientDataJSON: clientDataJSON.toString('base64url'),
        authenticatorData: authenticatorData.toString('base64url'),
        signature: signature.toString('base64url'),
        ...(userHandle.length > 0 ? { userHandle: userHandle.toString('base64url') } : {}),
      },
      clientExtensionResults: {},
      ...(attachment ? { authenticatorAttachment: attachment } : {}),
    },
  };
}
