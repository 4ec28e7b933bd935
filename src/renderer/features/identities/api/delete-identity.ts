// DELETE /admin/identities/{id}. On production connections the backend wants the typed identifier.
import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { CONFIRM_HEADER } from '../../../../shared/console-api';
import { kratosKeys } from '../../../api/keys';
import { apiRequest } from '../../../lib/api';
import { kratosPath } from '../../../lib/connection';

export interface DeleteIdentityVariables {
  id: string;
  confirmation?: string | undefined;
}

export async function deleteIdentity(cid: string, v: DeleteIdentityVariables): Promise<void> {
  await apiRequest(kratosPath(cid, `/admin/identities/${encodeURIComponent(v.id)}`), {
    method: 'DELETE',
    headers: v.confirmation ? { [CONFIRM_HEADER]: v.confirmation } : {},
  });
}

export function useDeleteIdentity(cid: string): UseMutationResult<void, Error, DeleteIdentityVariables> {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: DeleteIdentityVariables) => deleteIdentity(cid, v),
    onSuccess: () => qc.invalidateQueries({ queryKey: kratosKeys.all(cid) }),
  });
}
