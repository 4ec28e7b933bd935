// POST /api/connections (create) and PUT /api/connections/:id (update). The API key is write-only.
import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { consolePaths, type ConnectionInput, type ConnectionProfile } from '../../../../shared/console-api';
import { apiJson } from '../../../lib/api';
import { connectionsKey } from './list-connections';

export interface SaveConnectionVariables {
  id?: string;
  input: ConnectionInput | Partial<ConnectionInput>;
}

export function saveConnection({ id, input }: SaveConnectionVariables): Promise<ConnectionProfile> {
  return id
    ? apiJson<ConnectionProfile>(consolePaths.connection(id), { method: 'PUT', json: input })
    : apiJson<ConnectionProfile>(consolePaths.connections, { method: 'POST', json: input });
}

export function useSaveConnection(): UseMutationResult<ConnectionProfile, Error, SaveConnectionVariables> {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: saveConnection,
    onSuccess: () => qc.invalidateQueries({ queryKey: connectionsKey }),
  });
}
