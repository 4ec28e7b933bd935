// GET /api/connections/embedded/overview: what the embedded server runs on (Gatehouse only).
import { queryOptions, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { consolePaths, type EmbeddedOverview } from '../../../../shared/console-api';
import { apiJson } from '../../../lib/api';

export function overviewQuery(cid: string) {
  return queryOptions({
    queryKey: ['overview', cid] as const,
    queryFn: (): Promise<EmbeddedOverview> => apiJson<EmbeddedOverview>(consolePaths.overview(cid)),
  });
}

export function useOverview(cid: string, enabled: boolean): UseQueryResult<EmbeddedOverview> {
  return useQuery({ ...overviewQuery(cid), enabled });
}
