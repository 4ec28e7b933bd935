// SQLite lookups of recovery and verifiable addresses by value, and address status updates.
import { gracefulNormalization } from '../../identity/normalize';
import type { VerifiableAddress } from '../../identity/model';
import type {
  AddressPersister,
  OwnedRecoveryAddress,
  OwnedVerifiableAddress,
} from '../../selfservice/flow/verification/addresses';
import type { SqliteDatabase } from './database';

interface VerifiableRow {
  id: string;
  identity_id: string;
  via: string;
  value: string;
  verified: number;
  verified_at: string | null;
  status: string;
  created_at: string;
  updated_at: string;
}

function verifiable(row: VerifiableRow | undefined): OwnedVerifiableAddress | undefined {
  if (!row) return undefined;
  return {
    id: row.id,
    identity_id: row.identity_id,
    value: row.value,
    verified: row.verified === 1,
    via: row.via,
    status: row.status,
    verified_at: row.verified_at,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

export class SqliteAddressPersister implements AddressPersister {
  constructor(private readonly store: SqliteDatabase) {}

  findRecoveryAddress(via: string, value: string): OwnedRecoveryAddress | undefined {
    // Kratos looks the value up as typed and normalised (x.GracefulNormalization).
    return this.store
      .prepare(
        `SELECT id, identity_id, via, value, created_at, updated_at FROM identity_recovery_addresses
         WHERE via = ? AND value IN (?, ?) LIMIT 1`,
      )
      .get(via, value, gracefulNormalization(value)) as OwnedRecoveryAddress | undefined;
  }

  getRecoveryAddress(id: string): OwnedRecoveryAddress | undefined {
    return this.store
      .prepare(
        'SELECT id, identity_id, via, value, created_at, updated_at FROM identity_recovery_addresses WHERE id = ?',
      )
      .get(id) as OwnedRecoveryAddress | undefined;
  }

  findVerifiableAddress(via: string, value: string): OwnedVerifiableAddress | undefined {
    return verifiable(
      this.store
        .prepare('SELECT * FROM identity_verifiable_addresses WHERE via = ? AND value IN (?, ?) LIMIT 1')
        .get(via, value, gracefulNormalization(value)) as VerifiableRow | undefined,
    );
  }

  getVerifiableAddress(id: string): OwnedVerifiableAddress | undefined {
    return verifiable(
      this.store.prepare('SELECT * FROM identity_verifiable_addresses WHERE id = ?').get(id) as
        VerifiableRow | undefined,
    );
  }

  updateVerifiableAddress(a: VerifiableAddress): void {
    this.store
      .prepare(
        `UPDATE identity_verifiable_addresses SET status = ?, verified = ?, verified_at = ?, updated_at = ?
         WHERE id = ?`,
      )
      .run(a.status, a.verified ? 1 : 0, a.verified_at ?? null, a.updated_at, a.id);
  }
}
