// GET /api/connections: the embedded server first, then the remote connections (no secrets).
import { queryOptions, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { consolePaths, type ConnectionProfile } from '../../../../shared/console-api';
import { apiJson } from '../../../lib/api';

export const connectionsKey = ['connections'] as const;

export function fetchConnections(): Promise<ConnectionProfile[]> {
  return apiJson<ConnectionProfile[]>(consolePaths.connections);
}

export const connectionsQuery = queryOptions({
  queryKey: connectionsKey,
  queryFn: fetchConnections,
  // The unlock countdown is computed on the backend; refresh it now and then.
  refetchInterval: 30_000,
});

export function useConnections(): UseQueryResult<ConnectionProfile[]> {
  return useQuery(connectionsQuery);
}
