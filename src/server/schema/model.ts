// Identity schemas as configured in `identity.schemas`, and the `ory.sh/kratos` extension vocabulary.

export type JsonObject = Record<string, unknown>;

export interface IdentitySchema {
  id: string;
  /** The `url` exactly as configured. */
  url: string;
  selfserviceSelectable: boolean;
  /** The schema document as loaded (served verbatim by GET /schemas/{id}). */
  raw: string;
  json: JsonObject;
}

/** The `ory.sh/kratos` keyword of one schema node (embedx/identity_extension.schema.json). */
export interface KratosExtension {
  credentials?: {
    password?: { identifier?: boolean };
    webauthn?: { identifier?: boolean };
    passkey?: { display_name?: boolean };
    totp?: { account_name?: boolean };
    code?: { identifier?: boolean; via?: 'email' | 'sms' | string };
  };
  verification?: { via?: 'email' | 'sms' | string };
  recovery?: { via?: 'email' | 'sms' | string };
  organizations?: { matcher?: string };
}

/** base64url without padding, as Kratos's schema.IDToURL encodes schema ids. */
export function encodeSchemaId(id: string): string {
  return Buffer.from(id, 'utf8').toString('base64url');
}

/** Decodes a base64url (or std, padded or not) schema id; undefined when it is not base64. */
export function tryDecodeSchemaId(encoded: string): string | undefined {
  if (!/^[A-Za-z0-9_\-+/]+={0,2}$/.test(encoded)) return undefined;
  const decoded = Buffer.from(
    encoded.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''),
    'base64url',
  );
  const text = decoded.toString('utf8');
  return decoded.length > 0 && Buffer.from(text, 'utf8').equals(decoded) ? text : undefined;
}
