// GET /admin/sessions: keyset paging (page_size, page_token), `active` filter, `expand=identity` so each
// row can name its identity.
import { keepPreviousData, queryOptions, useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { Session } from '../../../../shared/kratos';
import { kratosKeys } from '../../../api/keys';
import { apiRequest } from '../../../lib/api';
import { kratosPath } from '../../../lib/connection';
import { nextPageToken } from '../../../lib/link-header';

export interface SessionListParams {
  pageSize: number;
  pageToken?: string | undefined;
  active?: boolean | undefined;
}

export interface SessionPage {
  sessions: Session[];
  nextToken: string | undefined;
}

export async function fetchSessions(cid: string, p: SessionListParams): Promise<SessionPage> {
  const q = new URLSearchParams({ page_size: String(p.pageSize) });
  if (p.pageToken) q.set('page_token', p.pageToken);
  if (p.active !== undefined) q.set('active', String(p.active));
  q.append('expand', 'identity');
  q.append('expand', 'devices');
  const res = await apiRequest<Session[]>(kratosPath(cid, `/admin/sessions?${q}`));
  return { sessions: res.data ?? [], nextToken: nextPageToken(res.headers.get('link')) };
}

export function sessionsQuery(cid: string, p: SessionListParams) {
  return queryOptions({
    queryKey: [...kratosKeys.sessions(cid), p] as const,
    queryFn: () => fetchSessions(cid, p),
    placeholderData: keepPreviousData,
  });
}

export function useSessions(cid: string, p: SessionListParams): UseQueryResult<SessionPage> {
  return useQuery(sessionsQuery(cid, p));
}
