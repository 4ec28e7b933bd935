// Small readers for recovery and verification flows in tests: node summaries, messages, CSRF tokens, and
// raw submissions (fetch without following redirects) for the cases the SDK hides.
import { expect } from 'vitest';
import { browserFetch, type CookieJar } from './cookies';
import { expectValidResponse } from './openapi';

export interface FlowLike {
  id: string;
  state?: unknown;
  ui: {
    action: string;
    method: string;
    messages?: { id: number; text: string; type: string; context?: unknown }[];
    nodes: {
      group: string;
      type: string;
      attributes: Record<string, unknown>;
      messages: { id: number; text: string }[];
      meta: { label?: { id: number } };
    }[];
  };
}

/** `group/name:type[=value]` per node, in order (anchors as `group/id:a`). */
export function nodeSummary(f: object): string[] {
  const flow = f as FlowLike;
  return flow.ui.nodes.map((n) => {
    const a = n.attributes;
    if (n.type === 'a') return `${n.group}/${String(a.id)}:a`;
    const value = a.type === 'submit' || a.type === 'hidden' ? `=${String(a.value)}` : '';
    return `${n.group}/${String(a.name)}:${String(a.type)}${a.name === 'csrf_token' ? '' : value}`;
  });
}

export const messageIds = (flow: object): number[] => ((flow as FlowLike).ui.messages ?? []).map((m) => m.id);

export const nodeMessages = (flow: object, name: string): number[] =>
  (flow as FlowLike).ui.nodes
    .filter((n) => n.attributes.name === name)
    .flatMap((n) => n.messages.map((m) => m.id));

export const csrfOf = (flow: object): string =>
  String((flow as FlowLike).ui.nodes.find((n) => n.attributes.name === 'csrf_token')?.attributes.value ?? '');

export interface RawAnswer {
  status: number;
  location: string | null;
  body: Record<string, unknown>;
}

/** A request through a cookie jar that does not follow redirects; JSON bodies are schema-checked. */
export async function raw(
  jar: CookieJar,
  url: string,
  init: {
    method?: string;
    body?: unknown;
    form?: Record<string, string>;
    headers?: Record<string, string>;
  } = {},
): Promise<RawAnswer> {
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  let body: string | undefined;
  if (init.form) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(init.form).toString();
  } else if (init.body !== undefined) {
    headers['Content-Type'] ??= 'application/json';
    body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
  }
  const res = await browserFetch(jar, url, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body });
  const text = await res.text();
  let parsed: Record<string, unknown> = {};
  if ((res.headers.get('content-type') ?? '').includes('json') && text) {
    parsed = JSON.parse(text) as Record<string, unknown>;
    expectValidResponse(init.method ?? (body ? 'POST' : 'GET'), url, res.status, parsed);
  }
  return { status: res.status, location: res.headers.get('location'), body: parsed };
}

/** The flow in a 200/400 answer, with the status checked. */
export function flowOf(answer: RawAnswer, status: number): FlowLike {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  return answer.body as unknown as FlowLike;
}
