// GET /admin/identities/{id}: with credentials (config stripped) and admin metadata.
import { queryOptions, useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { Identity } from '../../../../shared/kratos';
import { kratosKeys } from '../../../api/keys';
import { apiJson } from '../../../lib/api';
import { kratosPath } from '../../../lib/connection';

export function fetchIdentity(cid: string, id: string): Promise<Identity> {
  return apiJson<Identity>(kratosPath(cid, `/admin/identities/${encodeURIComponent(id)}`));
}

export function identityQuery(cid: string, id: string) {
  return queryOptions({ queryKey: kratosKeys.identity(cid, id), queryFn: () => fetchIdentity(cid, id) });
}

export function useIdentity(cid: string, id: string): UseQueryResult<Identity> {
  return useQuery(identityQuery(cid, id));
}
