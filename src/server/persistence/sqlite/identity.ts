// SQLite storage of identities, their credentials, credential identifiers and addresses.
import { type Expression, type ExpressionBuilder, sql, type SqlBool } from 'kysely';
import { gracefulNormalization } from '../../identity/normalize';
import type { CredentialsType, Credentials, Identity, IdentityState } from '../../identity/model';
import {
  type IdentityPersister,
  type ListIdentitiesQuery,
  UniqueViolationError,
} from '../../identity/persister';
import { isUniqueViolation, type SqliteDatabase } from './database';
import type { CredentialRow, IdentityRow, RecoveryAddressRow, Tables, VerifiableAddressRow } from './tables';

const json = (v: unknown): string | null => (v === undefined || v === null ? null : JSON.stringify(v));
const parse = (s: string | null): unknown => (s === null ? null : JSON.parse(s));
/** Rows of the identities whose ids are in the JSON array bound as the only parameter. */
const IDS_IN_JSON = 'identity_id IN (SELECT value FROM json_each(?))';

export class SqliteIdentityPersister implements IdentityPersister {
  constructor(private readonly store: SqliteDatabase) {}

  createIdentity(identity: Identity): void {
    this.guard(() => this.store.transaction(() => this.insert(identity)));
  }

  createIdentities(identities: Identity[]): Map<number, UniqueViolationError> {
    // Optimistic: one transaction for the whole batch. Only when something conflicts is the batch redone
    // with a savepoint per identity, so that one duplicate does not undo the others.
    try {
      this.guard(() => this.store.transaction(() => identities.forEach((identity) => this.insert(identity))));
      return new Map();
    } catch (err) {
      if (!(err instanceof UniqueViolationError)) throw err;
    }
    const failed = new Map<number, UniqueViolationError>();
    this.store.transaction(() => {
      identities.forEach((identity, index) => {
        try {
          this.guard(() => this.store.transaction(() => this.insert(identity)));
        } catch (err) {
          if (err instanceof UniqueViolationError) failed.set(index, err);
          else throw err;
        }
      });
    });
    return failed;
  }

  updateIdentity(identity: Identity): void {
    this.guard(() =>
      this.store.transaction(() => {
        const q = this.store.query;
        this.store.run(
          q
            .updateTable('identities')
            .set({
              schema_id: identity.schema_id,
              state: identity.state,
              state_changed_at: identity.state_changed_at ?? null,
              traits: JSON.stringify(identity.traits ?? {}),
              metadata_public: json(identity.metadata_public),
              metadata_admin: json(identity.metadata_admin),
              external_id: identity.external_id || null,
              organization_id: identity.organization_id ?? null,
              available_aal: identity.available_aal ?? null,
              updated_at: identity.updated_at,
            })
            .where('id', '=', identity.id),
        );
        this.store.run(q.deleteFrom('identity_credentials').where('identity_id', '=', identity.id));
        this.store.run(q.deleteFrom('identity_verifiable_addresses').where('identity_id', '=', identity.id));
        this.store.run(q.deleteFrom('identity_recovery_addresses').where('identity_id', '=', identity.id));
        this.insertChildren(identity);
      }),
    );
  }

  deleteIdentity(id: string): boolean {
    return this.store.run(this.store.query.deleteFrom('identities').where('id', '=', id)) > 0;
  }

  getIdentity(id: string, opts: { withCredentials?: boolean } = {}): Identity | undefined {
    const row = this.store.prepare('SELECT * FROM identities WHERE id = ?').get(id) as
      IdentityRow | undefined;
    return row ? this.hydrate([row], opts.withCredentials ?? true)[0] : undefined;
  }

  getIdentityByExternalId(
    externalId: string,
    opts: { withCredentials?: boolean } = {},
  ): Identity | undefined {
    const row = this.store.first(
      this.store.query.selectFrom('identities').selectAll().where('external_id', '=', externalId),
    );
    return row ? this.hydrate([row], opts.withCredentials ?? true)[0] : undefined;
  }

  findByCredentialsIdentifier(type: CredentialsType, identifier: string): Identity | undefined {
    const row = this.store
      .prepare('SELECT identity_id FROM identity_credential_identifiers WHERE type = ? AND identifier = ?')
      .get(type, identifier) as { identity_id: string } | undefined;
    return row ? this.getIdentity(row.identity_id) : undefined;
  }

  listIdentities(query: ListIdentitiesQuery): Identity[] {
    let q = this.store.query.selectFrom('identities').selectAll('identities');
    const identifier = query.credentialsIdentifier ?? query.credentialsIdentifierSimilar;
    if (identifier !== undefined) {
      // Like Kratos: password/webauthn/code identifiers are matched normalised, oidc/saml subjects verbatim;
      // the similarity preview is a prefix match.
      const similar = query.credentialsIdentifier === undefined;
      const normalized = gracefulNormalization(identifier);
      const op = similar ? 'like' : '=';
      const value = (v: string): string => (similar ? `${v.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : v);
      q = q.where('identities.id', 'in', (sub) =>
        sub
          .selectFrom('identity_credential_identifiers')
          .select('identity_id')
          .where((eb) =>
            eb.or([
              eb.and([
                eb('type', 'in', ['webauthn', 'password', 'code']),
                likeOrEquals(eb, op, value(normalized)),
              ]),
              eb.and([eb('type', 'in', ['oidc', 'saml']), likeOrEquals(eb, op, value(identifier))]),
            ]),
          ),
      );
    }
    if (query.ids) q = q.where('identities.id', 'in', query.ids.length > 0 ? query.ids : ['']);
    if (query.organizationId) q = q.where('identities.organization_id', '=', query.organizationId);
    if (query.schemaId) q = q.where('identities.schema_id', '=', query.schemaId);
    if (query.state) q = q.where('identities.state', '=', query.state);
    if (query.afterId !== undefined) q = q.where('identities.id', '>', query.afterId);
    q = q.orderBy('identities.id', 'asc').limit(query.limit);
    if (query.offset) q = q.offset(query.offset);
    return this.hydrate(this.store.all(q), query.withCredentials);
  }

  countIdentities(): number {
    const row = this.store.first(
      this.store.query.selectFrom('identities').select((eb) => eb.fn.countAll<number>().as('n')),
    );
    return Number(row?.n ?? 0);
  }

  private guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      if (isUniqueViolation(err)) throw new UniqueViolationError((err as Error).message);
      throw err;
    }
  }

  // Writes use fixed SQL through cached prepared statements: imports insert seven rows per identity.
  private insert(identity: Identity): void {
    this.store
      .prepare(
        `INSERT INTO identities (id, schema_id, state, state_changed_at, traits, metadata_public, metadata_admin,
           external_id, organization_id, available_aal, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`,
      )
      .run(
        identity.id,
        identity.schema_id,
        identity.state,
        identity.state_changed_at ?? null,
        JSON.stringify(identity.traits ?? {}),
        json(identity.metadata_public),
        json(identity.metadata_admin),
        identity.external_id || null,
        identity.organization_id ?? null,
        identity.available_aal ?? null,
        identity.created_at,
        identity.updated_at,
      );
    this.insertChildren(identity);
  }

  private insertChildren(identity: Identity): void {
    const insertCredential = this.store.prepare(
      `INSERT INTO identity_credentials (identity_id, type, config, version, created_at, updated_at)
       VALUES (?,?,?,?,?,?)`,
    );
    const insertIdentifier = this.store.prepare(
      `INSERT INTO identity_credential_identifiers (type, identifier, identity_id, position, created_at, updated_at)
       VALUES (?,?,?,?,?,?)`,
    );
    for (const cred of Object.values(identity.credentials) as Credentials[]) {
      insertCredential.run(
        identity.id,
        cred.type,
        JSON.stringify(cred.config ?? {}),
        cred.version,
        cred.created_at,
        cred.updated_at,
      );
      cred.identifiers.forEach((identifier, position) => {
        insertIdentifier.run(cred.type, identifier, identity.id, position, cred.created_at, cred.updated_at);
      });
    }
    const insertVerifiable = this.store.prepare(
      `INSERT INTO identity_verifiable_addresses
         (id, identity_id, via, value, verified, verified_at, status, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?)`,
    );
    for (const a of identity.verifiable_addresses) {
      insertVerifiable.run(
        a.id,
        identity.id,
        a.via,
        a.value,
        a.verified ? 1 : 0,
        a.verified_at ?? null,
        a.status,
        a.created_at,
        a.updated_at,
      );
    }
    const insertRecovery = this.store.prepare(
      `INSERT INTO identity_recovery_addresses (id, identity_id, via, value, created_at, updated_at) VALUES (?,?,?,?,?,?)`,
    );
    for (const a of identity.recovery_addresses) {
      insertRecovery.run(a.id, identity.id, a.via, a.value, a.created_at, a.updated_at);
    }
  }

  /**
   * Loads credentials and addresses of many identities with one prepared query per table: the ids go in as
   * one JSON array (`json_each`), so the SQL never changes and nothing is compiled per call.
   */
  private hydrate(rows: IdentityRow[], withCredentials: boolean): Identity[] {
    if (rows.length === 0) return [];
    // One identity (every login and session lookup) is a plain index lookup; json_each costs more there.
    const [match, ids] =
      rows.length === 1
        ? ['identity_id = ?', (rows[0] as IdentityRow).id]
        : [IDS_IN_JSON, JSON.stringify(rows.map((r) => r.id))];
    const byIdentity = <T extends { identity_id: string }>(sql: string): Map<string, T[]> => {
      const map = new Map<string, T[]>();
      for (const row of this.store.prepare(sql).all(ids) as T[]) push(map, row.identity_id, row);
      return map;
    };
    const creds = withCredentials
      ? byIdentity<CredentialRow>(`SELECT * FROM identity_credentials WHERE ${match}`)
      : new Map<string, CredentialRow[]>();
    const identifiers = new Map<string, string[]>();
    if (withCredentials) {
      const sql = `SELECT identity_id, type, identifier FROM identity_credential_identifiers WHERE ${match}
        ORDER BY position`;
      for (const i of this.store.prepare(sql).all(ids) as {
        identity_id: string;
        type: string;
        identifier: string;
      }[])
        push(identifiers, `${i.identity_id}|${i.type}`, i.identifier);
    }
    const verifiable = byIdentity<VerifiableAddressRow>(
      `SELECT * FROM identity_verifiable_addresses WHERE ${match} ORDER BY id`,
    );
    const recovery = byIdentity<RecoveryAddressRow>(
      `SELECT * FROM identity_recovery_addresses WHERE ${match} ORDER BY id`,
    );
    return rows.map((r) => ({
      id: r.id,
      schema_id: r.schema_id,
      state: r.state as IdentityState,
      state_changed_at: r.state_changed_at,
      traits: parse(r.traits),
      metadata_public: parse(r.metadata_public),
      metadata_admin: parse(r.metadata_admin),
      external_id: r.external_id,
      organization_id: r.organization_id,
      available_aal: r.available_aal,
      credentials: Object.fromEntries(
        (creds.get(r.id) ?? []).map((c) => [
          c.type,
          {
            type: c.type as CredentialsType,
            identifiers: identifiers.get(`${r.id}|${c.type}`) ?? [],
            config: parse(c.config) as Record<string, unknown>,
            version: c.version,
            created_at: c.created_at,
            updated_at: c.updated_at,
          },
        ]),
      ),
      verifiable_addresses: (verifiable.get(r.id) ?? []).map((a) => ({
        id: a.id,
        value: a.value,
        verified: a.verified === 1,
        via: a.via,
        status: a.status,
        verified_at: a.verified_at,
        created_at: a.created_at,
        updated_at: a.updated_at,
      })),
      recovery_addresses: (recovery.get(r.id) ?? []).map((a) => ({
        id: a.id,
        value: a.value,
        via: a.via,
        created_at: a.created_at,
        updated_at: a.updated_at,
      })),
      created_at: r.created_at,
      updated_at: r.updated_at,
    }));
  }
}

type IdentifierExpressions = ExpressionBuilder<Tables, 'identity_credential_identifiers'>;

function likeOrEquals(eb: IdentifierExpressions, op: 'like' | '=', value: string): Expression<SqlBool> {
  return op === 'like' ? sql<SqlBool>`identifier LIKE ${value} ESCAPE '\\'` : eb('identifier', '=', value);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
