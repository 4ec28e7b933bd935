// GET /api/connections/:id/schemas: the connection's identity schemas (from its public API).
import { queryOptions, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { consolePaths, type IdentitySchemaEntry } from '../../shared/console-api';
import { apiJson } from '../lib/api';
import { kratosKeys } from './keys';

export function fetchSchemas(cid: string): Promise<IdentitySchemaEntry[]> {
  return apiJson<IdentitySchemaEntry[]>(consolePaths.schemas(cid));
}

export function schemasQuery(cid: string) {
  return queryOptions({
    queryKey: kratosKeys.schemas(cid),
    queryFn: () => fetchSchemas(cid),
    staleTime: 60_000,
  });
}

export function useSchemas(cid: string): UseQueryResult<IdentitySchemaEntry[]> {
  return useQuery(schemasQuery(cid));
}
