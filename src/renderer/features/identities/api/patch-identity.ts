// PATCH /admin/identities/{id} with RFC 6902 operations: traits, metadata and state are replaced one at a
// time, so an edit never overwrites fields the user did not touch.
import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import type { Identity, JsonPatchOperation } from '../../../../shared/kratos';
import { kratosKeys } from '../../../api/keys';
import { apiJson } from '../../../lib/api';
import { kratosPath } from '../../../lib/connection';

export interface PatchIdentityVariables {
  id: string;
  operations: JsonPatchOperation[];
}

export function patchIdentity(cid: string, v: PatchIdentityVariables): Promise<Identity> {
  return apiJson<Identity>(kratosPath(cid, `/admin/identities/${encodeURIComponent(v.id)}`), {
    method: 'PATCH',
    json: v.operations,
  });
}

export function usePatchIdentity(cid: string): UseMutationResult<Identity, Error, PatchIdentityVariables> {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: PatchIdentityVariables) => patchIdentity(cid, v),
    onSuccess: (identity) => {
      qc.setQueryData(kratosKeys.identity(cid, identity.id), (old: Identity | undefined) => ({
        ...old,
        ...identity,
      }));
      return qc.invalidateQueries({ queryKey: kratosKeys.all(cid) });
    },
  });
}
