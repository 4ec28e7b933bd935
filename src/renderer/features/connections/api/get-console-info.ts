// GET /api/info: versions, where secrets are stored, the embedded server's URLs.
import { queryOptions, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { consolePaths, type ConsoleInfo } from '../../../../shared/console-api';
import { apiJson } from '../../../lib/api';

export const consoleInfoQuery = queryOptions({
  queryKey: ['console-info'] as const,
  queryFn: (): Promise<ConsoleInfo> => apiJson<ConsoleInfo>(consolePaths.info),
  staleTime: Infinity,
});

export function useConsoleInfo(): UseQueryResult<ConsoleInfo> {
  return useQuery(consoleInfoQuery);
}
