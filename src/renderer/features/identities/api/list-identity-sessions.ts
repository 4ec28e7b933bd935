// GET /admin/identities/{id}/sessions (all of them, active and not; newest first as Kratos returns them).
import { queryOptions, useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { Session } from '../../../../shared/kratos';
import { kratosKeys } from '../../../api/keys';
import { apiJson } from '../../../lib/api';
import { kratosPath } from '../../../lib/connection';

export function fetchIdentitySessions(cid: string, id: string): Promise<Session[]> {
  return apiJson<Session[]>(
    kratosPath(cid, `/admin/identities/${encodeURIComponent(id)}/sessions?page_size=250`),
  );
}

export function identitySessionsQuery(cid: string, id: string) {
  return queryOptions({
    queryKey: kratosKeys.identitySessions(cid, id),
    queryFn: () => fetchIdentitySessions(cid, id),
  });
}

export function useIdentitySessions(cid: string, id: string): UseQueryResult<Session[]> {
  return useQuery(identitySessionsQuery(cid, id));
}
