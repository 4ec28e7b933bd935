// A sign-out link for the current session (GET /self-service/logout/browser), when there is one.
import { safeUrl } from './html';
import { readJson } from './model';
import type { UiPageDeps } from './model';

export async function logoutUrl(deps: UiPageDeps, cookie: string): Promise<string | undefined> {
  if (!cookie) return undefined;
  const res = await deps.fetchPublic('/self-service/logout/browser', {
    headers: { accept: 'application/json', cookie },
  });
  if (res.status !== 200) return undefined;
  const body = await readJson<{ logout_url?: string }>(res);
  return safeUrl(body?.logout_url);
}
