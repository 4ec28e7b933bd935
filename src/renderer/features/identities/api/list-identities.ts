// GET /admin/identities with keyset paging (page_size, page_token from the Link header), identifier search
// (exact `credentials_identifier` or `preview_credentials_identifier_similar`) and, on the embedded server,
// Gatehouse's `schema_id`/`state` filters. A remote Kratos does not know those: the page is filtered here.
import { keepPreviousData, queryOptions, useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { Identity } from '../../../../shared/kratos';
import { kratosKeys } from '../../../api/keys';
import { apiRequest } from '../../../lib/api';
import { kratosPath } from '../../../lib/connection';
import { nextPageToken } from '../../../lib/link-header';

export interface IdentityListParams {
  pageSize: number;
  pageToken?: string | undefined;
  search?: string | undefined;
  match?: 'exact' | 'similar';
  schemaId?: string | undefined;
  state?: 'active' | 'inactive' | undefined;
  serverSideFilters: boolean;
}

export interface IdentityPage {
  identities: Identity[];
  nextToken: string | undefined;
  /** Identities on this page before the client-side filter (remote connections). */
  unfilteredCount: number;
  filteredOnClient: boolean;
}

export async function fetchIdentities(cid: string, p: IdentityListParams): Promise<IdentityPage> {
  const q = new URLSearchParams({ page_size: String(p.pageSize) });
  if (p.pageToken) q.set('page_token', p.pageToken);
  const search = p.search?.trim();
  if (search)
    q.set(
      p.match === 'similar' ? 'preview_credentials_identifier_similar' : 'credentials_identifier',
      search,
    );
  if (p.serverSideFilters) {
    if (p.schemaId) q.set('schema_id', p.schemaId);
    if (p.state) q.set('state', p.state);
  }
  const res = await apiRequest<Identity[]>(kratosPath(cid, `/admin/identities?${q}`));
  const all = res.data ?? [];
  const filteredOnClient = !p.serverSideFilters && Boolean(p.schemaId || p.state);
  const identities = filteredOnClient
    ? all.filter(
        (i) => (!p.schemaId || i.schema_id === p.schemaId) && (!p.state || (i.state ?? 'active') === p.state),
      )
    : all;
  return {
    identities,
    nextToken: nextPageToken(res.headers.get('link')),
    unfilteredCount: all.length,
    filteredOnClient,
  };
}

export function identitiesQuery(cid: string, p: IdentityListParams) {
  return queryOptions({
    queryKey: [...kratosKeys.identities(cid), p] as const,
    queryFn: () => fetchIdentities(cid, p),
    placeholderData: keepPreviousData,
  });
}

export function useIdentities(cid: string, p: IdentityListParams): UseQueryResult<IdentityPage> {
  return useQuery(identitiesQuery(cid, p));
}
