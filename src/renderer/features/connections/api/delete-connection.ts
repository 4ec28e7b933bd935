// DELETE /api/connections/:id (also forgets its API key).
import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { consolePaths } from '../../../../shared/console-api';
import { apiRequest } from '../../../lib/api';
import { connectionsKey } from './list-connections';

export async function deleteConnection(id: string): Promise<void> {
  await apiRequest(consolePaths.connection(id), { method: 'DELETE' });
}

export function useDeleteConnection(): UseMutationResult<void, Error, string> {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: deleteConnection,
    onSuccess: () => qc.invalidateQueries({ queryKey: connectionsKey }),
  });
}
