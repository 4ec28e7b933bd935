// What the pages need from the outside, and the shape of the flows they render.
import type { UiContainer } from '../../ui/types';

export interface UiPageDeps {
  /** Calls the public API in-process (the public Hono app's `request`). */
  fetchPublic(path: string, init: { headers: Record<string, string> }): Promise<Response>;
  publicBaseURL(): URL;
  /** `selfservice.flows.recovery.enabled`: the sign-in page links to recovery only then (default: link). */
  recoveryEnabled?(): boolean;
}

export type FlowKind = 'login' | 'registration' | 'settings' | 'recovery' | 'verification';

/** The fields of a Kratos flow the pages read. */
export interface FlowJson {
  id: string;
  type?: string;
  state?: string;
  /** The method a recovery or verification flow belongs to (`code` or `link`). */
  active?: string;
  return_to?: string;
  refresh?: boolean;
  requested_aal?: string;
  ui: UiContainer;
}

/** Kratos's error body: `{error: {...}}` plus optional top-level fields. */
export interface ErrorJson {
  error?: { id?: string; code?: number; status?: string; reason?: string; message?: string };
  redirect_browser_to?: string;
}

/** Builds an absolute URL on the public API from a root-relative path. */
export function publicUrl(base: URL, path: string, params: Record<string, string | undefined> = {}): string {
  const root = new URL(base.href.endsWith('/') ? base.href : `${base.href}/`);
  const url = new URL(path.replace(/^\//, ''), root);
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') url.searchParams.set(k, v);
  return url.href;
}

export async function readJson<T>(res: Response): Promise<T | undefined> {
  try {
    return (await res.json()) as T;
  } catch {
    return undefined;
  }
}
