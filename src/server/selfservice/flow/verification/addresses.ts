// What recovery and verification need from the identity tables: finding an address by its value (as the
// user typed it, or normalised) and recording that a code went out or that the address was verified
// (identity/pool.go FindRecoveryAddressByValue, FindVerifiableAddressByValue, UpdateVerifiableAddress).
// Implemented by persistence/sqlite/address.ts.
import type { RecoveryAddress, VerifiableAddress } from '../../../identity/model';

export interface OwnedRecoveryAddress extends RecoveryAddress {
  identity_id: string;
}

export interface OwnedVerifiableAddress extends VerifiableAddress {
  identity_id: string;
}

export interface AddressPersister {
  /** The recovery address with this value (exactly or normalised) and channel. */
  findRecoveryAddress(via: string, value: string): OwnedRecoveryAddress | undefined;
  getRecoveryAddress(id: string): OwnedRecoveryAddress | undefined;
  findVerifiableAddress(via: string, value: string): OwnedVerifiableAddress | undefined;
  getVerifiableAddress(id: string): OwnedVerifiableAddress | undefined;
  /** Updates status, verified and verified_at of one address (and its updated_at). */
  updateVerifiableAddress(address: OwnedVerifiableAddress | VerifiableAddress): void;
}

export interface AddressPersisterProvider {
  addressPersister: AddressPersister;
}
