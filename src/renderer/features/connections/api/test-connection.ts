// POST /api/connections/:id/test, or /api/connections/test for a draft not saved yet.
import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import {
  consolePaths,
  type ConnectionInput,
  type ConnectionTestResult,
} from '../../../../shared/console-api';
import { apiJson } from '../../../lib/api';

export type TestConnectionVariables = { id: string } | { draft: Partial<ConnectionInput> & { id?: string } };

export function testConnection(v: TestConnectionVariables): Promise<ConnectionTestResult> {
  return 'draft' in v
    ? apiJson<ConnectionTestResult>(consolePaths.testDraft, { method: 'POST', json: v.draft })
    : apiJson<ConnectionTestResult>(consolePaths.testConnection(v.id), { method: 'POST' });
}

export function useTestConnection(): UseMutationResult<ConnectionTestResult, Error, TestConnectionVariables> {
  return useMutation({ mutationFn: testConnection });
}
