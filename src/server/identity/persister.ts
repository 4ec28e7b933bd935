// What the identity domain needs from storage. Implemented by persistence/sqlite/identity.ts.
import type { CredentialsType, Identity } from './model';

export class UniqueViolationError extends Error {
  constructor(readonly detail: string) {
    super(`unique constraint violated: ${detail}`);
    this.name = 'UniqueViolationError';
  }
}

export interface ListIdentitiesQuery {
  /** Keyset: return identities with id greater than this. */
  afterId?: string;
  /** Legacy page pagination. */
  offset?: number;
  limit: number;
  credentialsIdentifier?: string;
  credentialsIdentifierSimilar?: string;
  ids?: string[];
  organizationId?: string;
  schemaId?: string;
  state?: string;
  withCredentials: boolean;
}

export interface IdentityPersister {
  /** Inserts a new identity with its credentials and addresses; throws UniqueViolationError. */
  createIdentity(identity: Identity): void;
  /** Inserts many; returns, per input index, the UniqueViolationError of the ones that conflicted. */
  createIdentities(identities: Identity[]): Map<number, UniqueViolationError>;
  /** Replaces an identity's row, credentials and addresses; throws UniqueViolationError. */
  updateIdentity(identity: Identity): void;
  deleteIdentity(id: string): boolean;
  getIdentity(id: string, opts?: { withCredentials?: boolean }): Identity | undefined;
  getIdentityByExternalId(externalId: string, opts?: { withCredentials?: boolean }): Identity | undefined;
  /** The identity owning a credential identifier of one type (login lookup). */
  findByCredentialsIdentifier(type: CredentialsType, identifier: string): Identity | undefined;
  listIdentities(query: ListIdentitiesQuery): Identity[];
  countIdentities(): number;
}

export interface IdentityPersisterProvider {
  identityPersister: IdentityPersister;
}
