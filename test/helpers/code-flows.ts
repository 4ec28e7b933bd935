// Shared pieces of the `code` method's contract tests: an identity schema with email and phone code
// addresses, node/message readers, and raw JSON submissions for the bad-input cases.
import { randomInt } from 'node:crypto';
import type { UiNode } from '@ory/client';
import { expect } from 'vitest';
import { expectValidResponse } from './openapi';
import { base64Schema } from './server';

/** Email and phone both receive codes (credentials.code) and are verifiable addresses. */
export const codeIdentitySchema = {
  $id: 'https://example.com/code.schema.json',
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  properties: {
    traits: {
      type: 'object',
      properties: {
        email: {
          type: 'string',
          format: 'email',
          title: 'E-Mail',
          'ory.sh/kratos': {
            credentials: { password: { identifier: true }, code: { identifier: true, via: 'email' } },
            verification: { via: 'email' },
          },
        },
        phone: {
          type: 'string',
          format: 'tel',
          title: 'Phone',
          'ory.sh/kratos': {
            credentials: { code: { identifier: true, via: 'sms' } },
            verification: { via: 'sms' },
          },
        },
        name: { type: 'string' },
      },
      anyOf: [{ required: ['email'] }, { required: ['phone'] }],
      additionalProperties: false,
    },
  },
};

/** A valid US number no other test uses (E.164, as Kratos stores it). */
export const uniquePhone = (): string => `+1415555${String(randomInt(1000, 10_000))}`;

export const codeSchemaConfig = {
  default_schema_id: 'code',
  schemas: [{ id: 'code', url: base64Schema(codeIdentitySchema) }],
};

interface FlowLike {
  ui: { nodes: UiNode[]; messages?: { id: number; text: string }[] };
}

export const attrs = (n: UiNode): Record<string, unknown> =>
  n.attributes as unknown as Record<string, unknown>;

/** `group/name:type` of every input node, in order. */
export const nodeSummary = (flow: FlowLike): string[] =>
  flow.ui.nodes.map((n) => `${n.group}/${String(attrs(n).name ?? attrs(n).id)}:${String(attrs(n).type)}`);

export const node = (flow: FlowLike, name: string, group?: string): UiNode | undefined =>
  flow.ui.nodes.find((n) => attrs(n).name === name && (group === undefined || n.group === group));

export const messageIds = (flow: FlowLike): number[] => (flow.ui.messages ?? []).map((m) => m.id);

export const nodeMessageIds = (flow: FlowLike, name: string): number[] =>
  (node(flow, name)?.messages ?? []).map((m) => m.id);

export const csrfOf = (flow: FlowLike): string => String(attrs(node(flow, 'csrf_token') as UiNode).value);

/** A raw submission (JSON or form) to a flow's action; the JSON answer is checked against the spec. */
export async function submitRaw(
  action: string,
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: Record<string, unknown>; location: string | null }> {
  const res = await fetch(action, { method: 'POST', headers, body, redirect: 'manual' });
  const text = await res.text();
  const data = text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : {};
  if (res.headers.get('content-type')?.includes('json'))
    expectValidResponse('POST', action, res.status, data);
  return { status: res.status, body: data as Record<string, unknown>, location: res.headers.get('location') };
}

export function expectNoValue(flow: FlowLike, name: string): void {
  const value = attrs(node(flow, name) as UiNode).value;
  expect(value === undefined || value === '').toBe(true);
}
