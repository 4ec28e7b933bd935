// DELETE /admin/identities/{id}/credentials/{type}[?identifier=provider:subject] (oidc/saml need it).
import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { CONFIRM_HEADER } from '../../../../shared/console-api';
import { kratosKeys } from '../../../api/keys';
import { apiRequest } from '../../../lib/api';
import { kratosPath } from '../../../lib/connection';

export interface DeleteCredentialVariables {
  identityId: string;
  type: string;
  identifier?: string | undefined;
  confirmation?: string | undefined;
}

export async function deleteCredential(cid: string, v: DeleteCredentialVariables): Promise<void> {
  const q = v.identifier ? `?identifier=${encodeURIComponent(v.identifier)}` : '';
  await apiRequest(
    kratosPath(
      cid,
      `/admin/identities/${encodeURIComponent(v.identityId)}/credentials/${encodeURIComponent(v.type)}${q}`,
    ),
    { method: 'DELETE', headers: v.confirmation ? { [CONFIRM_HEADER]: v.confirmation } : {} },
  );
}

export function useDeleteCredential(cid: string): UseMutationResult<void, Error, DeleteCredentialVariables> {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: DeleteCredentialVariables) => deleteCredential(cid, v),
    onSuccess: (_r, v) => qc.invalidateQueries({ queryKey: kratosKeys.identity(cid, v.identityId) }),
  });
}
