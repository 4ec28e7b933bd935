// What the global setup started, and small helpers the stories share.
import type { Page, TestInfo } from '@playwright/test';

function need(name: string): string {
  const v = process.env[name];
  if (!v)
    throw new Error(
      `${name} is not set: run through playwright.config.ts (its global setup starts the servers)`,
    );
  return v;
}

export const env = {
  consoleUrl: (): string => need('E2E_CONSOLE_URL'),
  launchUrl: (): string => need('E2E_LAUNCH_URL'),
  publicUrl: (): string => need('E2E_PUBLIC_URL'),
  adminUrl: (): string => need('E2E_ADMIN_URL'),
  remotePublicUrl: (): string => need('E2E_REMOTE_PUBLIC_URL'),
  remoteAdminUrl: (): string => need('E2E_REMOTE_ADMIN_URL'),
  remoteProxyUrl: (): string => need('E2E_REMOTE_PROXY_URL'),
};

/** Opens the console with the launch token (exchanged for the cookie, then dropped from the URL). */
export async function openConsole(page: Page, path = '/'): Promise<void> {
  await page.goto(env.launchUrl());
  await page.waitForURL((u) => !u.searchParams.has('token'));
  if (path !== '/') await page.goto(`${env.consoleUrl()}${path}`);
}

export async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await testInfo.attach(name, { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
}

export async function adminJson<T>(base: string, path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(`${base}${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(init.headers ?? {}) },
  });
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`);
  return (res.status === 204 ? undefined : await res.json()) as T;
}

/** Signs in through Kratos's API login flow, as a native app would: returns the session token. */
export async function signIn(identifier: string, password: string): Promise<string> {
  const flow = await adminJson<{ id: string }>(env.publicUrl(), '/self-service/login/api');
  const res = await adminJson<{ session_token: string }>(
    env.publicUrl(),
    `/self-service/login?flow=${flow.id}`,
    {
      method: 'POST',
      body: JSON.stringify({ method: 'password', identifier, password }),
    },
  );
  return res.session_token;
}
