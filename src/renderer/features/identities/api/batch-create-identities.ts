// PATCH /admin/identities: batch create, at most 1000 per request and 200 when any carries a plaintext
// password (Kratos hashes those inline). Items are tagged with patch_id to map results back to the file.
import type { BatchPatchIdentitiesResponse, CreateIdentityBody } from '../../../../shared/kratos';
import { apiJson } from '../../../lib/api';
import { kratosPath } from '../../../lib/connection';

export const BATCH_LIMIT = 1000;
export const BATCH_PLAINTEXT_LIMIT = 200;

export function hasPlaintextPassword(body: CreateIdentityBody): boolean {
  return typeof body.credentials?.password?.config?.password === 'string';
}

/** Splits into chunks that respect both limits, keeping the file order. */
export function chunkForBatch<T extends { create: CreateIdentityBody }>(items: T[]): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let plaintext = false;
  for (const item of items) {
    const p = hasPlaintextPassword(item.create);
    const limit = plaintext || p ? BATCH_PLAINTEXT_LIMIT : BATCH_LIMIT;
    if (current.length >= limit) {
      chunks.push(current);
      current = [];
      plaintext = false;
    }
    current.push(item);
    plaintext ||= p;
  }
  if (current.length) chunks.push(current);
  return chunks;
}

export function batchCreateIdentities(
  cid: string,
  items: { create: CreateIdentityBody; patch_id: string }[],
): Promise<BatchPatchIdentitiesResponse> {
  return apiJson<BatchPatchIdentitiesResponse>(kratosPath(cid, '/admin/identities'), {
    method: 'PATCH',
    json: { identities: items },
  });
}
