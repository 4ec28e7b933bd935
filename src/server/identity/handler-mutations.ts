// Admin identity mutations beyond create/update: RFC 6902 patch, batch create (PATCH /admin/identities),
// and credential deletion (identity/handler.go patch, batchPatchIdentities, deleteIdentityCredentials).
import type { Context } from 'hono';
import { badRequest, KratosError, notFound } from '../errors/errors';
import { readJson } from '../http/body';
import { decode } from '../http/decode';
import { type BatchPatchBody, batchPatchBodySpec, type JsonPatchOperation, jsonPatchSpec } from './bodies';
import { countFirstFactor } from './counter';
import {
  type Handler,
  type IdentityHandlerDeps,
  identityFromCreateBody,
  load,
  persistOrExplain,
} from './handler';
import { applyJsonPatch, JsonPatchError } from './json-patch';
import { DuplicateIdentityError } from './manager';
import { marshalIdentity } from './marshal';
import {
  type Credentials,
  type CredentialsType,
  type Identity,
  IDENTITY_STATES,
  type IdentityState,
} from './model';
import { SchemaValidationError } from '../schema/validation-error';
import type { CredentialsCounter } from './counter';

export const BATCH_PATCH_LIMIT = 1000;
export const BATCH_PATCH_PLAINTEXT_LIMIT = 200;

const PATCH_DENY = [
  '/id',
  '/stateChangedAt',
  '/credentials',
  '/credentials/oidc',
  '/credentials/oidc/**',
  '/credentials/saml',
  '/credentials/saml/**',
];

export interface MutationDeps extends IdentityHandlerDeps {
  credentialsCounters: CredentialsCounter[];
}

export function identityMutationHandlers(
  deps: MutationDeps,
): Record<'patch' | 'batch' | 'deleteCredentials', Handler> {
  const m = deps.identityManager;
  return {
    async patch(c: Context) {
      const ops = decode<JsonPatchOperation[] | null>(await readJson(c), jsonPatchSpec) ?? [];
      const original = load(deps.identityPersister, c.req.param('id'));
      const schemaUrl = m.schemaUrl(original.schema_id);
      let patched: Record<string, unknown>;
      try {
        patched = applyJsonPatch(
          marshalIdentity(original, schemaUrl, {
            kind: 'admin',
            declassify: [...Object.keys(original.credentials)] as CredentialsType[],
          }),
          ops,
          PATCH_DENY,
        ) as Record<string, unknown>;
      } catch (err) {
        if (err instanceof JsonPatchError)
          throw badRequest('failed to apply JSON patch', { message: err.message });
        throw err;
      }
      const updated = fromPatchedJson(original, patched);
      if (updated.state !== original.state) {
        if (!(IDENTITY_STATES as readonly string[]).includes(updated.state)) {
          throw badRequest(
            `The supplied state ('${updated.state}') was not valid. Valid states are ('active', 'inactive').`,
            {
              message: 'identity state is not valid',
            },
          );
        }
        updated.state_changed_at = m.now();
      }
      persistOrExplain(() => m.update(updated));
      return c.json(marshalIdentity(updated, m.schemaUrl(updated.schema_id), { kind: 'admin' }));
    },

    async batch(c: Context) {
      const body = decode<BatchPatchBody>(await readJson(c), batchPatchBodySpec, { strict: true }) ?? {};
      const patches = body.identities ?? [];
      if (patches.length > BATCH_PATCH_LIMIT) {
        throw badRequest(
          `The maximum number of identities per request that can be created or deleted at once is ${BATCH_PATCH_LIMIT}.`,
        );
      }
      const plaintext = patches.filter((p) => p.create?.credentials?.password?.config?.password).length;
      if (plaintext > BATCH_PATCH_PLAINTEXT_LIMIT) {
        throw badRequest(
          `The maximum number of identities per request that can be created with a plaintext password is ${BATCH_PATCH_PLAINTEXT_LIMIT}.`,
        );
      }
      const now = m.now();
      const creates: { at: number; identity: Identity }[] = [];
      for (const [at, p] of patches.entries()) {
        if (p.create)
          creates.push({ at, identity: await identityFromCreateBody(p.create, deps.hasher, now) });
      }
      const failures = m.createMany(creates.map((x) => x.identity));
      const results: Record<string, unknown>[] = patches.map((p) => ({
        action: 'create',
        ...(p.patch_id ? { patch_id: p.patch_id } : {}),
      }));
      creates.forEach(({ at, identity }, i) => {
        const failure = failures.get(i);
        const result = results[at] as Record<string, unknown>;
        if (failure) {
          result.action = 'error';
          result.error = batchError(failure).toBody();
        } else {
          result.identity = identity.id;
        }
      });
      return c.json({ identities: results });
    },

    deleteCredentials(c: Context) {
      const type = c.req.param('type') ?? '';
      const identity = load(deps.identityPersister, c.req.param('id'));
      const cred = identity.credentials[type as CredentialsType];
      if (!cred) throw notFound(`You tried to remove a ${type} but this user have no ${type} set up.`);
      const identifier = new URL(c.req.url).searchParams.get('identifier') ?? '';
      switch (cred.type) {
        case 'lookup_secret':
        case 'totp':
          delete identity.credentials[cred.type];
          break;
        case 'webauthn':
          removeMfaWebAuthn(identity, cred);
          break;
        case 'password':
        case 'oidc':
        case 'saml':
          if (countFirstFactor(deps.credentialsCounters, identity.credentials) < 2) {
            throw badRequest('You cannot remove the last first factor credential.');
          }
          if (cred.type === 'password') delete identity.credentials.password;
          else removeProvider(identity, cred, identifier);
          break;
        default:
          throw badRequest(`Credentials type ${cred.type} cannot be deleted.`);
      }
      persistOrExplain(() => m.update(identity));
      return c.body(null, 204);
    },
  };
}

function batchError(err: Error): KratosError {
  if (err instanceof DuplicateIdentityError) {
    return new KratosError({
      status: 409,
      message: 'Unable to insert or update resource because a resource with that value exists already',
    });
  }
  if (err instanceof SchemaValidationError) return badRequest(err.message);
  if (err instanceof KratosError) return badRequest(err.reason ?? err.message);
  return badRequest(err.message);
}

/** Reads a patched admin JSON back into an identity, as Go unmarshals it into the Identity struct. */
function fromPatchedJson(original: Identity, j: Record<string, unknown>): Identity {
  const str = (v: unknown, field: string): string => {
    if (v === undefined || v === null) return '';
    if (typeof v !== 'string') {
      throw badRequest('failed to apply JSON patch', {
        message: `json: cannot unmarshal ${Array.isArray(v) ? 'array' : typeof v} into Go struct field Identity.${field} of type string`,
      });
    }
    return v;
  };
  const credentials: Identity['credentials'] = {};
  const rawCreds = (j.credentials ?? {}) as Record<string, Record<string, unknown>>;
  for (const [key, value] of Object.entries(rawCreds)) {
    const type = str(value.type, `credentials.${key}.type`);
    if (type !== key) throw badRequest(`credentials.${key}.type must equal "${key}", got "${type}"`);
    const prev = original.credentials[key as CredentialsType];
    credentials[key as CredentialsType] = {
      type: key as CredentialsType,
      identifiers: Array.isArray(value.identifiers) ? value.identifiers.map(String) : [],
      // OIDC/SAML are patch-protected and were marshalled reduced: keep their stored config.
      config:
        (key === 'oidc' || key === 'saml' ? prev?.config : (value.config as Record<string, unknown>)) ??
        prev?.config ??
        {},
      version: typeof value.version === 'number' ? value.version : (prev?.version ?? 0),
      created_at: prev?.created_at ?? original.created_at,
      updated_at: prev?.updated_at ?? original.updated_at,
    } satisfies Credentials;
  }
  return {
    ...original,
    schema_id: str(j.schema_id, 'schema_id') || original.schema_id,
    state: (str(j.state, 'state') || original.state) as IdentityState,
    traits: j.traits ?? null,
    metadata_public: j.metadata_public ?? null,
    metadata_admin: j.metadata_admin ?? null,
    external_id: str(j.external_id, 'external_id') || null,
    credentials,
    verifiable_addresses: (j.verifiable_addresses as Identity['verifiable_addresses']) ?? [],
    recovery_addresses: (j.recovery_addresses as Identity['recovery_addresses']) ?? [],
  };
}

/** Removes the second-factor WebAuthn keys, keeping passwordless ones (deleteCredentialWebAuthFromIdentity). */
function removeMfaWebAuthn(identity: Identity, cred: Credentials): void {
  const keys = (cred.config.credentials as { is_passwordless?: boolean }[] | undefined) ?? [];
  const remaining = keys.filter((k) => k.is_passwordless);
  if (remaining.length === 0) delete identity.credentials.webauthn;
  else identity.credentials.webauthn = { ...cred, config: { ...cred.config, credentials: remaining } };
}

function removeProvider(identity: Identity, cred: Credentials, identifier: string): void {
  if (!identifier) throw badRequest('You must provide an identifier to delete this credential.');
  if (!cred.identifiers.includes(identifier)) {
    throw notFound(`The identifier \`${identifier}\` was not found among ${cred.type} credentials.`);
  }
  const providers = (cred.config.providers as { provider: string; subject: string }[] | undefined) ?? [];
  const left = providers.filter((p) => `${p.provider}:${p.subject}` !== identifier);
  const identifiers = cred.identifiers.filter((i) => i !== identifier);
  if (identifiers.length === 0) delete identity.credentials[cred.type];
  else
    identity.credentials[cred.type] = { ...cred, identifiers, config: { ...cred.config, providers: left } };
}
