// What the session domain needs from storage. Implemented by persistence/sqlite/session.ts.
import type { Identity } from '../identity/model';
import type { Device, Session } from './model';

export interface NewSession {
  session: Session;
  tokenHash: string;
}

export interface SessionWithIdentity {
  session: Session;
  identity: Identity;
}

export interface ListSessionsQuery {
  identityId?: string;
  active?: boolean;
  /** Sessions of the identity other than this one. */
  exceptId?: string;
  /** Keyset for newest-first listing: sessions created before this one. */
  before?: { c: string; i: string };
  offset?: number;
  limit: number;
  now: Date;
}

export interface SessionPersister {
  createSession(s: NewSession): void;
  /** The session and its identity (without credentials) for a token digest: the whoami hot path. */
  findByTokenHash(tokenHash: string): SessionWithIdentity | undefined;
  /** Revokes the session of a token digest; false when no session has it. */
  revokeByTokenHash(tokenHash: string): boolean;
  getSession(id: string): Session | undefined;
  listSessions(q: ListSessionsQuery): Session[];
  countSessions(q: Omit<ListSessionsQuery, 'limit' | 'before' | 'offset'>): number;
  updateSession(
    s: Pick<
      Session,
      | 'id'
      | 'authentication_methods'
      | 'authenticator_assurance_level'
      | 'authenticated_at'
      | 'expires_at'
      | 'updated_at'
    >,
  ): void;
  addDevice(sessionId: string, identityId: string, device: Device, now: string): void;
  /** Sets active=false; returns how many sessions changed. */
  revokeSessions(where: {
    ids?: string[];
    identityIds?: string[];
    all?: boolean;
    exceptId?: string;
    limit?: number;
  }): number;
  deleteSessions(where: { ids?: string[]; identityIds?: string[]; all?: boolean; limit?: number }): number;
  extendSession(
    id: string,
    expiresAt: string,
    notBefore: string,
    now: string,
  ): 'extended' | 'too-early' | 'missing';
}

export interface SessionPersisterProvider {
  sessionPersister: SessionPersister;
}
