// Applies an identity schema's `ory.sh/kratos` extension to an identity after its traits validated:
// credential identifiers (password, webauthn, code addresses), verifiable and recovery addresses.
// Mirrors identity/extension_{credentials,verification,recovery}.go.
import { newId } from '../id';
import type { JsonObject } from '../schema/model';
import { isEmail } from '../schema/formats';
import type { SchemaValidationNode } from '../schema/validation-error';
import { type ExtensionHit, walkExtensions } from '../schema/validator';
import type { Credentials, CredentialsType, Identity, RecoveryAddress, VerifiableAddress } from './model';
import { gracefulNormalization, NormalizationError, normalizeIdentifier } from './normalize';

export interface CodeAddress {
  channel: string;
  address: string;
}

/** Returns extension problems as validation leaves (empty when all values were usable). */
export function applySchemaExtension(
  identity: Identity,
  schema: JsonObject,
  now: string,
): SchemaValidationNode[] {
  const hits = walkExtensions(schema, { traits: identity.traits });
  const problems: SchemaValidationNode[] = [];
  const identifiers = new Map<CredentialsType, string[]>();
  const codeAddresses: CodeAddress[] = [];
  const verifiable: VerifiableAddress[] = [];
  const recovery: RecoveryAddress[] = [];

  const fail = (hit: ExtensionHit, message: string): void => {
    problems.push({
      instancePtr: hit.pointer,
      schemaPtr: '#/ory.sh~1kratos',
      keyword: 'format',
      message,
      params: { value: hit.value },
      causes: [],
    });
  };
  const addIdentifier = (type: CredentialsType, value: string): void => {
    const list = identifiers.get(type) ?? [];
    if (!list.includes(value)) list.push(value);
    identifiers.set(type, list);
  };

  for (const hit of hits) {
    const ext = hit.extension;
    const text = stringify(hit.value);
    const format = typeof hit.node.format === 'string' ? hit.node.format : '';
    if (ext.credentials?.password?.identifier) addIdentifier('password', gracefulNormalization(text));
    if (ext.credentials?.webauthn?.identifier) addIdentifier('webauthn', gracefulNormalization(text));
    if (ext.credentials?.code?.identifier) {
      const via = ext.credentials.code.via ?? '';
      if (via !== 'email' && via !== 'sms') {
        fail(hit, `channel type "${via}" must be one of email, sms`);
      } else {
        const address =
          via === 'email' && format !== '' && format !== 'email'
            ? gracefulNormalization(text)
            : tryNormalize(text, via);
        if (address === undefined) fail(hit, `"${text}" can not be normalized for channel "${via}"`);
        else if (!codeAddresses.some((a) => a.address === address && a.channel === via))
          codeAddresses.push({ channel: via, address });
      }
    }
    const verifyVia = ext.verification?.via;
    if (verifyVia) {
      const v = verificationValue(hit, verifyVia, format, text);
      if ('error' in v) fail(hit, v.error);
      else {
        const existing = findAddress(identity.verifiable_addresses, verifyVia, v.value);
        if (!findAddress(verifiable, verifyVia, v.value)) {
          verifiable.push(
            existing ?? {
              id: newId(),
              value: v.value,
              verified: false,
              via: verifyVia,
              status: 'pending',
              created_at: now,
              updated_at: now,
            },
          );
        }
      }
    }
    const recoverVia = ext.recovery?.via;
    if (recoverVia) {
      const v = recoveryValue(recoverVia, format, text);
      if ('error' in v) fail(hit, v.error);
      else if (!findAddress(recovery, recoverVia, v.value)) {
        recovery.push(
          findAddress(identity.recovery_addresses, recoverVia, v.value) ?? {
            id: newId(),
            value: v.value,
            via: recoverVia,
            created_at: now,
            updated_at: now,
          },
        );
      }
    }
  }
  if (problems.length > 0) return problems;

  for (const [type, list] of identifiers) setIdentifiers(identity, type, list, {}, 0, now);
  if (codeAddresses.length > 0) {
    codeAddresses.sort((a, b) =>
      a.address === b.address ? a.channel.localeCompare(b.channel) : a.address < b.address ? -1 : 1,
    );
    const existing = identity.credentials.code?.config ?? {};
    setIdentifiers(
      identity,
      'code',
      [...new Set(codeAddresses.map((a) => a.address))],
      { ...existing, addresses: codeAddresses },
      1,
      now,
      true,
    );
  }
  identity.verifiable_addresses = verifiable;
  identity.recovery_addresses = recovery;
  return [];
}

function setIdentifiers(
  identity: Identity,
  type: CredentialsType,
  list: string[],
  emptyConfig: Record<string, unknown>,
  version: number,
  now: string,
  replaceConfig = false,
): void {
  const current = identity.credentials[type];
  const next: Credentials = current
    ? { ...current, identifiers: list, ...(replaceConfig ? { config: emptyConfig } : {}) }
    : { type, identifiers: list, config: emptyConfig, version, created_at: now, updated_at: now };
  if (current && JSON.stringify(current.identifiers) !== JSON.stringify(list)) next.updated_at = now;
  identity.credentials[type] = next;
}

function verificationValue(
  hit: ExtensionHit,
  via: string,
  format: string,
  text: string,
): { value: string } | { error: string } {
  if (format === '') {
    if (via !== 'email') {
      return {
        error:
          'no format specified. A format is required if verification is enabled. If this was intentional, please set "format" to "no-validate"',
      };
    }
    if (!isEmail(text)) return { error: `${JSON.stringify(hit.value)} is not valid "email"` };
  }
  if (format === 'email' || format === 'tel' || format === '') {
    const value = tryNormalize(text, via);
    return value === undefined
      ? { error: `"${text}" can not be normalized for format "${format || 'email'}"` }
      : { value };
  }
  return { value: text.trim() };
}

function recoveryValue(via: string, format: string, text: string): { value: string } | { error: string } {
  if (via === 'email') {
    if ((format === '' || format === 'email') && !isEmail(text))
      return { error: `"${text}" is not valid "email"` };
    return { value: gracefulNormalization(text) };
  }
  if (via === 'sms') {
    const value = tryNormalize(text, 'sms');
    return value === undefined ? { error: `"${text}" is not valid "tel" for "sms"` } : { value };
  }
  return { error: `recovery.via has unknown value "${via}"` };
}

function tryNormalize(text: string, via: string): string | undefined {
  try {
    return normalizeIdentifier(text, via);
  } catch (err) {
    if (err instanceof NormalizationError) return undefined;
    throw err;
  }
}

function findAddress<T extends { via: string; value: string }>(
  list: T[],
  via: string,
  value: string,
): T | undefined {
  const needle = gracefulNormalization(value);
  return list.find((a) => a.via === via && gracefulNormalization(a.value) === needle);
}

function stringify(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}
