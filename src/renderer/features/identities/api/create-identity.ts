// POST /admin/identities: 201 with the new identity.
import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import type { CreateIdentityBody, Identity } from '../../../../shared/kratos';
import { kratosKeys } from '../../../api/keys';
import { apiJson } from '../../../lib/api';
import { kratosPath } from '../../../lib/connection';

export function createIdentity(cid: string, body: CreateIdentityBody): Promise<Identity> {
  return apiJson<Identity>(kratosPath(cid, '/admin/identities'), { method: 'POST', json: body });
}

export function useCreateIdentity(cid: string): UseMutationResult<Identity, Error, CreateIdentityBody> {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateIdentityBody) => createIdentity(cid, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: kratosKeys.identities(cid) }),
  });
}
