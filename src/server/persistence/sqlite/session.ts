// SQLite storage of sessions and their devices. The token lookup is one prepared statement that returns
// the session, its identity, addresses and devices together: whoami is the hottest path there is.
import { newId } from '../../id';
import type { Identity, IdentityState } from '../../identity/model';
import type { AuthenticationMethod, Aal, Device, Session } from '../../session/model';
import type {
  ListSessionsQuery,
  NewSession,
  SessionPersister,
  SessionWithIdentity,
} from '../../session/persister';
import type { SqliteDatabase } from './database';

interface SessionRow {
  id: string;
  identity_id: string;
  active: number;
  aal: string;
  authentication_methods: string;
  authenticated_at: string;
  issued_at: string;
  expires_at: string;
  created_at: string;
  updated_at: string;
  devices: string;
}

interface JoinedRow extends SessionRow {
  i_schema_id: string;
  i_state: string;
  i_state_changed_at: string | null;
  i_traits: string;
  i_metadata_public: string | null;
  i_metadata_admin: string | null;
  i_external_id: string | null;
  i_organization_id: string | null;
  i_available_aal: string | null;
  i_created_at: string;
  i_updated_at: string;
  verifiable: string;
  recovery: string;
}

const DEVICES = `(SELECT json_group_array(json_object('id', d.id, 'ip_address', d.ip_address, 'user_agent', d.user_agent,
    'location', d.location)) FROM (SELECT * FROM session_devices WHERE session_id = s.id ORDER BY created_at, id) d) AS devices`;

const SESSION_COLUMNS = `s.id, s.identity_id, s.active, s.aal, s.authentication_methods, s.authenticated_at, s.issued_at,
  s.expires_at, s.created_at, s.updated_at, ${DEVICES}`;

const BY_TOKEN = `SELECT ${SESSION_COLUMNS},
    i.schema_id AS i_schema_id, i.state AS i_state, i.state_changed_at AS i_state_changed_at, i.traits AS i_traits,
    i.metadata_public AS i_metadata_public, i.metadata_admin AS i_metadata_admin, i.external_id AS i_external_id,
    i.organization_id AS i_organization_id, i.available_aal AS i_available_aal, i.created_at AS i_created_at,
    i.updated_at AS i_updated_at,
    (SELECT json_group_array(json_object('id', a.id, 'value', a.value, 'verified', json(CASE a.verified WHEN 1 THEN 'true' ELSE 'false' END),
       'via', a.via, 'status', a.status, 'verified_at', a.verified_at, 'created_at', a.created_at, 'updated_at', a.updated_at))
       FROM (SELECT * FROM identity_verifiable_addresses WHERE identity_id = i.id ORDER BY id) a) AS verifiable,
    (SELECT json_group_array(json_object('id', a.id, 'value', a.value, 'via', a.via, 'created_at', a.created_at,
       'updated_at', a.updated_at))
       FROM (SELECT * FROM identity_recovery_addresses WHERE identity_id = i.id ORDER BY id) a) AS recovery
  FROM sessions s JOIN identities i ON i.id = s.identity_id WHERE s.token_hash = ?`;

/** Token lookups kept while nothing in the database has changed (see findByTokenHash). */
const CACHE_SIZE = 4096;

export class SqliteSessionPersister implements SessionPersister {
  private readonly byToken = new Map<string, { changes: number; found: SessionWithIdentity | undefined }>();

  constructor(private readonly store: SqliteDatabase) {}

  createSession({ session: s, tokenHash }: NewSession): void {
    this.store.transaction(() => {
      this.store
        .prepare(
          `INSERT INTO sessions (id, identity_id, token_hash, active, aal, authentication_methods,
             authenticated_at, issued_at, expires_at, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
        )
        .run(
          s.id,
          s.identity_id,
          tokenHash,
          s.active ? 1 : 0,
          s.authenticator_assurance_level,
          JSON.stringify(s.authentication_methods),
          s.authenticated_at,
          s.issued_at,
          s.expires_at,
          s.created_at,
          s.updated_at,
        );
      for (const d of s.devices) this.addDevice(s.id, s.identity_id, d, s.created_at);
    });
  }

  /**
   * The session of a token with its identity. whoami is the hottest path there is, so answers are reused
   * while nothing in the database changed: total_changes() counts every row this connection inserted,
   * updated or deleted, and data_version moves when another connection (another process on the same file)
   * commits. Any write anywhere invalidates every cached answer. This process has one connection, so its
   * own writes are seen at once; another process's commit is seen from the next event-loop turn on, since
   * data_version is read once per turn (it takes a read lock, several times the cost of the rest).
   */
  findByTokenHash(tokenHash: string): SessionWithIdentity | undefined {
    const changes =
      (this.store.prepare('SELECT total_changes()').pluck().get() as number) * 4294967296 +
      this.dataVersion();
    const cached = this.byToken.get(tokenHash);
    if (cached?.changes === changes) return cached.found && copy(cached.found);
    const found = this.lookup(tokenHash);
    if (this.byToken.size >= CACHE_SIZE) this.byToken.clear();
    this.byToken.set(tokenHash, { changes, found });
    return found && copy(found);
  }

  private dataVersionThisTurn: number | undefined;

  private dataVersion(): number {
    if (this.dataVersionThisTurn === undefined) {
      this.dataVersionThisTurn = this.store.prepare('PRAGMA data_version').pluck().get() as number;
      setImmediate(() => (this.dataVersionThisTurn = undefined));
    }
    return this.dataVersionThisTurn;
  }

  private lookup(tokenHash: string): SessionWithIdentity | undefined {
    const row = this.store.prepare(BY_TOKEN).get(tokenHash) as JoinedRow | undefined;
    if (!row) return undefined;
    const identity: Identity = {
      id: row.identity_id,
      schema_id: row.i_schema_id,
      state: row.i_state as IdentityState,
      state_changed_at: row.i_state_changed_at,
      traits: JSON.parse(row.i_traits),
      metadata_public: row.i_metadata_public === null ? null : JSON.parse(row.i_metadata_public),
      metadata_admin: row.i_metadata_admin === null ? null : JSON.parse(row.i_metadata_admin),
      external_id: row.i_external_id,
      organization_id: row.i_organization_id,
      available_aal: row.i_available_aal,
      credentials: {},
      verifiable_addresses: JSON.parse(row.verifiable),
      recovery_addresses: JSON.parse(row.recovery),
      created_at: row.i_created_at,
      updated_at: row.i_updated_at,
    };
    return { session: { ...toSession(row), identity }, identity };
  }

  revokeByTokenHash(tokenHash: string): boolean {
    return (
      this.store.prepare('UPDATE sessions SET active = 0 WHERE token_hash = ?').run(tokenHash).changes > 0
    );
  }

  getSession(id: string): Session | undefined {
    const row = this.store.prepare(`SELECT ${SESSION_COLUMNS} FROM sessions s WHERE s.id = ?`).get(id) as
      SessionRow | undefined;
    return row ? toSession(row) : undefined;
  }

  listSessions(q: ListSessionsQuery): Session[] {
    const { where, params } = filters(q);
    // Newest first, ties broken by id, as Kratos's keyset column `created_at DESC`.
    const keyset = q.before ? ' AND (s.created_at < ? OR (s.created_at = ? AND s.id > ?))' : '';
    const keysetParams = q.before ? [q.before.c, q.before.c, q.before.i] : [];
    const sql = `SELECT ${SESSION_COLUMNS} FROM sessions s JOIN identities i ON i.id = s.identity_id
      WHERE ${where}${keyset} ORDER BY s.created_at DESC, s.id LIMIT ? OFFSET ?`;
    const rows = this.store
      .prepare(sql)
      .all(...params, ...keysetParams, q.limit, q.offset ?? 0) as SessionRow[];
    return rows.map(toSession);
  }

  countSessions(q: Omit<ListSessionsQuery, 'limit' | 'before' | 'offset'>): number {
    const { where, params } = filters(q);
    const row = this.store
      .prepare(
        `SELECT count(*) AS n FROM sessions s JOIN identities i ON i.id = s.identity_id WHERE ${where}`,
      )
      .get(...params) as { n: number };
    return row.n;
  }

  updateSession(s: Parameters<SessionPersister['updateSession']>[0]): void {
    this.store
      .prepare(
        `UPDATE sessions SET authentication_methods = ?, aal = ?, authenticated_at = ?, expires_at = ?, updated_at = ?
         WHERE id = ?`,
      )
      .run(
        JSON.stringify(s.authentication_methods),
        s.authenticator_assurance_level,
        s.authenticated_at,
        s.expires_at,
        s.updated_at,
        s.id,
      );
  }

  addDevice(sessionId: string, identityId: string, d: Device, now: string): void {
    this.store
      .prepare(
        `INSERT INTO session_devices (id, session_id, identity_id, ip_address, user_agent, location, created_at, updated_at)
         VALUES (?,?,?,?,?,?,?,?)`,
      )
      .run(d.id || newId(), sessionId, identityId, d.ip_address, d.user_agent, d.location, now, now);
  }

  revokeSessions(w: Parameters<SessionPersister['revokeSessions']>[0]): number {
    const { clause, params } = target(w, 'active = 1');
    return this.store.prepare(`UPDATE sessions SET active = 0 WHERE active = 1 AND ${clause}`).run(...params)
      .changes;
  }

  deleteSessions(w: Parameters<SessionPersister['deleteSessions']>[0]): number {
    const { clause, params } = target(w);
    return this.store.prepare(`DELETE FROM sessions WHERE ${clause}`).run(...params).changes;
  }

  extendSession(
    id: string,
    expiresAt: string,
    notBefore: string,
    now: string,
  ): 'extended' | 'too-early' | 'missing' {
    return this.store.transaction(() => {
      const row = this.store.prepare('SELECT expires_at FROM sessions WHERE id = ?').get(id) as
        { expires_at: string } | undefined;
      if (!row) return 'missing';
      // Kratos only extends once the session is within `earliest_possible_extend` of its expiry.
      if (row.expires_at > notBefore) return 'too-early';
      this.store
        .prepare('UPDATE sessions SET expires_at = ?, updated_at = ? WHERE id = ?')
        .run(expiresAt, now, id);
      return 'extended';
    });
  }
}

function toSession(r: SessionRow): Session {
  return {
    id: r.id,
    identity_id: r.identity_id,
    active: r.active === 1,
    expires_at: r.expires_at,
    authenticated_at: r.authenticated_at,
    authenticator_assurance_level: r.aal as Aal,
    authentication_methods: JSON.parse(r.authentication_methods) as AuthenticationMethod[],
    issued_at: r.issued_at,
    devices: JSON.parse(r.devices) as Device[],
    created_at: r.created_at,
    updated_at: r.updated_at,
  };
}

function filters(q: Omit<ListSessionsQuery, 'limit' | 'before' | 'offset'>): {
  where: string;
  params: unknown[];
} {
  const parts = ['1 = 1'];
  const params: unknown[] = [];
  if (q.identityId) {
    parts.push('s.identity_id = ?');
    params.push(q.identityId);
  }
  if (q.exceptId) {
    parts.push('s.id != ?');
    params.push(q.exceptId);
  }
  if (q.active !== undefined) {
    const activeSql = `(s.active = 1 AND s.expires_at > ? AND i.state = 'active')`;
    parts.push(q.active ? activeSql : `NOT ${activeSql}`);
    params.push(q.now.toISOString());
  }
  return { where: parts.join(' AND '), params };
}

function target(
  w: { ids?: string[]; identityIds?: string[]; all?: boolean; exceptId?: string; limit?: number },
  batchFilter = '1 = 1',
): {
  clause: string;
  params: unknown[];
} {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (w.ids) {
    parts.push(`id IN (SELECT value FROM json_each(?))`);
    params.push(JSON.stringify(w.ids));
  }
  if (w.identityIds) {
    parts.push(`identity_id IN (SELECT value FROM json_each(?))`);
    params.push(JSON.stringify(w.identityIds));
  }
  if (w.exceptId) {
    parts.push('id != ?');
    params.push(w.exceptId);
  }
  if (parts.length === 0 && !w.all) parts.push('0 = 1');
  if (w.limit) {
    // Wildcard batches take the next `limit` sessions the operation still applies to.
    parts.push(`id IN (SELECT id FROM sessions WHERE ${batchFilter} ORDER BY id LIMIT ?)`);
    params.push(w.limit);
  }
  return { clause: parts.length > 0 ? parts.join(' AND ') : '1 = 1', params };
}

/** Callers may replace fields of what they get (never nested values), so each gets its own top level. */
function copy(found: SessionWithIdentity): SessionWithIdentity {
  const identity = { ...found.identity };
  return { session: { ...found.session, identity }, identity };
}
