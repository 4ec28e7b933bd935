// DELETE /admin/sessions/{id}: revoke (deactivate) one session.
import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { apiRequest } from '../lib/api';
import { kratosPath } from '../lib/connection';
import { kratosKeys } from './keys';

export async function revokeSession(cid: string, sessionId: string): Promise<void> {
  await apiRequest(kratosPath(cid, `/admin/sessions/${encodeURIComponent(sessionId)}`), { method: 'DELETE' });
}

export function useRevokeSession(cid: string): UseMutationResult<void, Error, string> {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (sessionId: string) => revokeSession(cid, sessionId),
    onSuccess: () => qc.invalidateQueries({ queryKey: kratosKeys.all(cid) }),
  });
}
