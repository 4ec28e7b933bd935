// DELETE /admin/identities/{id}/sessions: sign the identity out everywhere.
import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { CONFIRM_HEADER } from '../../../../shared/console-api';
import { kratosKeys } from '../../../api/keys';
import { apiRequest } from '../../../lib/api';
import { kratosPath } from '../../../lib/connection';

export async function deleteIdentitySessions(cid: string, id: string, confirmation?: string): Promise<void> {
  await apiRequest(kratosPath(cid, `/admin/identities/${encodeURIComponent(id)}/sessions`), {
    method: 'DELETE',
    headers: confirmation ? { [CONFIRM_HEADER]: confirmation } : {},
  });
}

export function useDeleteIdentitySessions(
  cid: string,
): UseMutationResult<void, Error, { id: string; confirmation?: string | undefined }> {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; confirmation?: string | undefined }) =>
      deleteIdentitySessions(cid, v.id, v.confirmation),
    onSuccess: () => qc.invalidateQueries({ queryKey: kratosKeys.all(cid) }),
  });
}
