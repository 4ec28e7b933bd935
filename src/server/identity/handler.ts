// The admin identity API (identity/handler.go): list, get, get by external id, create, update, delete.
// JSON Patch, batch create and credential deletion live in handler-mutations.ts.
import { newId } from '../id';
import type { Context } from 'hono';
import { badRequest, conflict, noRows } from '../errors/errors';
import { readJson } from '../http/body';
import { decode } from '../http/decode';
import {
  keysetLinkHeader,
  pageLinkHeaders,
  type PageTokenSealer,
  parseKeysetOrPage,
} from '../http/pagination';
import { SchemaValidationError } from '../schema/validation-error';
import {
  type CreateIdentityBody,
  createIdentityBodySpec,
  type UpdateIdentityBody,
  updateIdentityBodySpec,
} from './bodies';
import { importCredentials, type PasswordHasher } from './import';
import { DuplicateIdentityError, type IdentityManager } from './manager';
import { marshalIdentity } from './marshal';
import {
  type CredentialsType,
  type Identity,
  IDENTITY_STATES,
  type IdentityState,
  isCredentialsType,
} from './model';
import type { IdentityPersister } from './persister';

export const ROUTE_IDENTITIES = '/admin/identities';
export const ROUTE_IDENTITY = '/admin/identities/:id';
export const ROUTE_IDENTITY_BY_EXTERNAL_ID = '/admin/identities/by/external/:externalID';
export const ROUTE_IDENTITY_CREDENTIALS = '/admin/identities/:id/credentials/:type';

export const DUPLICATE_IDENTITY_REASON = 'This identity conflicts with another identity that already exists.';
const NIL_UUID = '00000000-0000-0000-0000-000000000000';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface IdentityHandlerDeps {
  identityManager: IdentityManager;
  identityPersister: IdentityPersister;
  hasher: PasswordHasher;
  identityPageTokens: PageTokenSealer;
  adminBaseURL(): URL;
}

export type Handler = (c: Context) => Promise<Response> | Response;

export function identityHandlers(
  deps: IdentityHandlerDeps,
): Record<'list' | 'get' | 'getByExternalId' | 'create' | 'update' | 'remove', Handler> {
  const m = deps.identityManager;
  const adminJson = (i: Identity, declassify: CredentialsType[] = []): Record<string, unknown> =>
    marshalIdentity(i, m.schemaUrl(i.schema_id), { kind: 'admin', declassify });

  return {
    list(c) {
      const url = new URL(c.req.url);
      const q = url.searchParams;
      const filters = parseListFilters(q);
      const pagination = parseKeysetOrPage(q);
      const base = {
        ...(filters.credentialsIdentifier !== undefined
          ? { credentialsIdentifier: filters.credentialsIdentifier }
          : {}),
        ...(filters.similar !== undefined ? { credentialsIdentifierSimilar: filters.similar } : {}),
        ...(filters.ids ? { ids: filters.ids } : {}),
        ...(filters.organizationId ? { organizationId: filters.organizationId } : {}),
        // Gatehouse additions for the console: filter by schema and state.
        ...(q.get('schema_id') ? { schemaId: q.get('schema_id') as string } : {}),
        ...(q.get('state') ? { state: q.get('state') as string } : {}),
        withCredentials: true,
      };
      if (pagination.kind === 'page') {
        const list = deps.identityPersister.listIdentities({
          ...base,
          limit: pagination.perPage,
          offset: pagination.page * pagination.perPage,
        });
        const total =
          filters.credentialsIdentifier === undefined
            ? deps.identityPersister.countIdentities()
            : list.length;
        for (const [k, v] of Object.entries(pageLinkHeaders(url, total, pagination.page, pagination.perPage)))
          c.header(k, v);
        return c.json(list.map((i) => adminJson(i, filters.declassify)));
      }
      const afterId =
        pagination.token === undefined ? NIL_UUID : deps.identityPageTokens.open(pagination.token);
      if (!UUID.test(afterId))
        throw badRequest('The page token is invalid, do not craft your own page tokens');
      const rows = deps.identityPersister.listIdentities({ ...base, afterId, limit: pagination.size + 1 });
      const page = rows.slice(0, pagination.size);
      const next =
        rows.length > pagination.size
          ? deps.identityPageTokens.seal((page[page.length - 1] as Identity).id)
          : undefined;
      c.header('Link', keysetLinkHeader(url, pagination.size, deps.identityPageTokens.seal(NIL_UUID), next));
      return c.json(page.map((i) => adminJson(i, filters.declassify)));
    },

    get(c) {
      const declassify = parseDeclassify(new URL(c.req.url).searchParams);
      const identity = load(deps.identityPersister, c.req.param('id'));
      return c.json(adminJson(identity, declassify));
    },

    getByExternalId(c) {
      const externalId = c.req.param('externalID') ?? '';
      if (externalId === '') throw badRequest('The external ID must not be empty.');
      const declassify = parseDeclassify(new URL(c.req.url).searchParams);
      const identity = deps.identityPersister.getIdentityByExternalId(externalId);
      if (!identity) throw noRows();
      return c.json(adminJson(identity, declassify));
    },

    async create(c) {
      const body = decode<CreateIdentityBody>(await readJson(c), createIdentityBodySpec, { strict: true });
      const identity = await identityFromCreateBody(body ?? {}, deps.hasher, m.now());
      persistOrExplain(() => m.create(identity));
      c.header('Location', new URL(`admin/identities/${identity.id}`, deps.adminBaseURL()).toString());
      return c.json(marshalIdentity(identity, m.schemaUrl(identity.schema_id), { kind: 'admin' }), 201);
    },

    async update(c) {
      const body = decode<UpdateIdentityBody>(await readJson(c), updateIdentityBodySpec) ?? {};
      const identity = load(deps.identityPersister, c.req.param('id'));
      if (body.schema_id) identity.schema_id = body.schema_id;
      if (body.state && body.state !== identity.state) {
        identity.state = validState(body.state);
        identity.state_changed_at = m.now();
      }
      identity.traits = body.traits ?? null;
      identity.metadata_public = body.metadata_public ?? null;
      identity.metadata_admin = body.metadata_admin ?? null;
      identity.external_id = body.external_id || null;
      if (body.credentials) await importCredentials(identity, body.credentials, deps.hasher, m.now());
      persistOrExplain(() => m.update(identity));
      return c.json(marshalIdentity(identity, m.schemaUrl(identity.schema_id), { kind: 'admin' }));
    },

    remove(c) {
      const id = c.req.param('id') ?? '';
      if (!UUID.test(id) || !deps.identityPersister.deleteIdentity(id.toLowerCase())) throw noRows();
      return c.body(null, 204);
    },
  };
}

export function load(persister: IdentityPersister, id: string | undefined): Identity {
  const identity = id && UUID.test(id) ? persister.getIdentity(id.toLowerCase()) : undefined;
  if (!identity) throw noRows();
  return identity;
}

/** Runs a create/update and turns validation and conflict failures into Kratos's 400/409. */
export function persistOrExplain(fn: () => void): void {
  try {
    fn();
  } catch (err) {
    if (err instanceof SchemaValidationError) throw badRequest(err.message);
    if (err instanceof DuplicateIdentityError) throw conflict(DUPLICATE_IDENTITY_REASON);
    throw err;
  }
}

export function validState(state: string): IdentityState {
  if (!(IDENTITY_STATES as readonly string[]).includes(state))
    throw badRequest('identity state is not valid');
  return state as IdentityState;
}

export async function identityFromCreateBody(
  body: CreateIdentityBody,
  hasher: PasswordHasher,
  now: string,
): Promise<Identity> {
  const identity: Identity = {
    id: newId(),
    schema_id: body.schema_id ?? '',
    state: body.state ? validState(body.state) : 'active',
    state_changed_at: now,
    traits: body.traits ?? null,
    metadata_public: body.metadata_public ?? null,
    metadata_admin: body.metadata_admin ?? null,
    external_id: body.external_id || null,
    organization_id: body.organization_id ?? null,
    credentials: {},
    verifiable_addresses: (body.verifiable_addresses ?? []).map((a) => ({
      id: a.id ?? newId(),
      value: (a.value ?? '').toLowerCase(),
      verified: a.verified ?? false,
      via: a.via ?? 'email',
      status: a.status ?? 'pending',
      verified_at: a.verified_at ?? null,
      created_at: a.created_at ?? now,
      updated_at: a.updated_at ?? now,
    })),
    recovery_addresses: (body.recovery_addresses ?? []).map((a) => ({
      id: a.id ?? newId(),
      value: (a.value ?? '').toLowerCase(),
      via: a.via ?? 'email',
      created_at: a.created_at ?? now,
      updated_at: a.updated_at ?? now,
    })),
    created_at: now,
    updated_at: now,
  };
  await importCredentials(identity, body.credentials ?? undefined, hasher, now);
  return identity;
}

interface ListFilters {
  ids?: string[];
  organizationId?: string;
  credentialsIdentifier?: string;
  similar?: string;
  declassify: CredentialsType[];
}

function parseListFilters(q: URLSearchParams): ListFilters {
  const out: ListFilters = { declassify: parseDeclassify(q) };
  let filters = 0;
  const ids = q.getAll('ids');
  if (ids.length > 0) {
    filters++;
    for (const id of ids)
      if (!UUID.test(id)) throw badRequest(`Invalid UUID value \`${id}\` for parameter \`ids\`.`);
    if (ids.length > 500) throw badRequest('The number of ids to filter must not exceed 500.');
    out.ids = ids.map((id) => id.toLowerCase());
  }
  const org = q.get('organization_id');
  if (org) {
    filters++;
    if (!UUID.test(org)) throw badRequest(`Invalid UUID value \`${org}\` for parameter \`organization_id\`.`);
    out.organizationId = org.toLowerCase();
  }
  const identifier = q.get('credentials_identifier');
  if (identifier) {
    filters++;
    out.credentialsIdentifier = identifier;
  }
  const similar = q.get('preview_credentials_identifier_similar');
  if (similar) {
    filters++;
    out.similar = similar;
  }
  if (filters > 1) throw badRequest('You cannot combine multiple filters in this API');
  return out;
}

function parseDeclassify(q: URLSearchParams): CredentialsType[] {
  return q.getAll('include_credential').map((v) => {
    if (!isCredentialsType(v))
      throw badRequest(`Invalid value \`${v}\` for parameter \`include_credential\`.`);
    return v;
  });
}
