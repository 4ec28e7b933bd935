// GET /admin/sessions/{id}?expand=identity&expand=devices.
import { queryOptions, useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { Session } from '../../../../shared/kratos';
import { kratosKeys } from '../../../api/keys';
import { apiJson } from '../../../lib/api';
import { kratosPath } from '../../../lib/connection';

export function fetchSession(cid: string, id: string): Promise<Session> {
  return apiJson<Session>(
    kratosPath(cid, `/admin/sessions/${encodeURIComponent(id)}?expand=identity&expand=devices`),
  );
}

export function sessionQuery(cid: string, id: string) {
  return queryOptions({ queryKey: kratosKeys.session(cid, id), queryFn: () => fetchSession(cid, id) });
}

export function useSession(cid: string, id: string): UseQueryResult<Session> {
  return useQuery(sessionQuery(cid, id));
}
