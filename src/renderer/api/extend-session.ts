// PATCH /admin/sessions/{id}/extend: 200 with the session, or 204 with `faster_session_extend`.
import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import type { Session } from '../../shared/kratos';
import { apiRequest } from '../lib/api';
import { kratosPath } from '../lib/connection';
import { kratosKeys } from './keys';

export async function extendSession(cid: string, sessionId: string): Promise<Session | null> {
  const res = await apiRequest<Session | undefined>(
    kratosPath(cid, `/admin/sessions/${encodeURIComponent(sessionId)}/extend`),
    { method: 'PATCH' },
  );
  return res.status === 204 ? null : (res.data ?? null);
}

export function useExtendSession(cid: string): UseMutationResult<Session | null, Error, string> {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (sessionId: string) => extendSession(cid, sessionId),
    onSuccess: () => qc.invalidateQueries({ queryKey: kratosKeys.all(cid) }),
  });
}
