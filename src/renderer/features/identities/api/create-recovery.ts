// POST /admin/recovery/link (200 {recovery_link, expires_at}) and /admin/recovery/code
// (201 {recovery_link, recovery_code, expires_at}). `expires_in` is a Go duration ("1h", "15m").
import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import type { RecoveryCodeForIdentity, RecoveryLinkForIdentity } from '../../../../shared/kratos';
import { apiJson } from '../../../lib/api';
import { kratosPath } from '../../../lib/connection';

export interface CreateRecoveryVariables {
  kind: 'link' | 'code';
  identityId: string;
  expiresIn?: string | undefined;
}

export type RecoveryResult =
  ({ kind: 'link' } & RecoveryLinkForIdentity) | ({ kind: 'code' } & RecoveryCodeForIdentity);

export async function createRecovery(cid: string, v: CreateRecoveryVariables): Promise<RecoveryResult> {
  const body = { identity_id: v.identityId, ...(v.expiresIn ? { expires_in: v.expiresIn } : {}) };
  if (v.kind === 'link') {
    const r = await apiJson<RecoveryLinkForIdentity>(kratosPath(cid, '/admin/recovery/link'), {
      method: 'POST',
      json: body,
    });
    return { kind: 'link', ...r };
  }
  const r = await apiJson<RecoveryCodeForIdentity>(kratosPath(cid, '/admin/recovery/code'), {
    method: 'POST',
    json: body,
  });
  return { kind: 'code', ...r };
}

export function useCreateRecovery(
  cid: string,
): UseMutationResult<RecoveryResult, Error, CreateRecoveryVariables> {
  return useMutation({ mutationFn: (v: CreateRecoveryVariables) => createRecovery(cid, v) });
}
