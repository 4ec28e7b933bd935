// POST /api/connections/:id/unlock {minutes} and /lock: production write access for this launch only.
import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { consolePaths, type ConnectionProfile } from '../../../../shared/console-api';
import { apiJson } from '../../../lib/api';
import { connectionsKey } from './list-connections';

export type LockVariables = { id: string; unlock: true; minutes: number } | { id: string; unlock: false };

export function setConnectionLock(v: LockVariables): Promise<ConnectionProfile> {
  return v.unlock
    ? apiJson<ConnectionProfile>(consolePaths.unlock(v.id), { method: 'POST', json: { minutes: v.minutes } })
    : apiJson<ConnectionProfile>(consolePaths.lock(v.id), { method: 'POST' });
}

export function useConnectionLock(): UseMutationResult<ConnectionProfile, Error, LockVariables> {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: setConnectionLock,
    onSuccess: () => qc.invalidateQueries({ queryKey: connectionsKey }),
  });
}
