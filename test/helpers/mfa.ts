// Second factors from a user's side: pairing an authenticator app and saving backup codes through the
// settings flow, computing TOTP codes with otpauth (as an authenticator app would), password logins.
import type { LoginFlow, Session, SettingsFlow, UiNode } from '@ory/client';
import { Secret, TOTP } from 'otpauth';
import { expect } from 'vitest';
import type { TestServer } from './server';

export const PASSWORD = 'correct horse battery staple 42';

export const nodeNamed = (flow: { ui: { nodes: UiNode[] } }, name: string): UiNode | undefined =>
  flow.ui.nodes.find((n) => {
    const a = n.attributes as { name?: string; id?: string };
    return a.name === name || a.id === name;
  });

/** `group/name` of every node, the way the tests compare forms. */
export const nodeNames = (flow: { ui: { nodes: UiNode[] } }): string[] =>
  flow.ui.nodes.map((n) => {
    const a = n.attributes as { name?: string; id?: string };
    return `${n.group}/${a.name ?? a.id}`;
  });

export const messageIds = (flow: { ui: { messages?: { id: number }[] } }): number[] =>
  (flow.ui.messages ?? []).map((m) => m.id);

/** The TOTP code an authenticator app shows for a base32 secret at the server's time. */
export function totpCode(server: TestServer, secret: string, offsetSteps = 0): string {
  return TOTP.generate({
    secret: Secret.fromBase32(secret),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    timestamp: server.clock.now().getTime() + offsetSteps * 30_000,
  });
}

/** The secret shown in a settings flow's `totp_secret_key` node. */
export function shownSecret(flow: SettingsFlow): string {
  const node = nodeNamed(flow, 'totp_secret_key');
  const text = (node?.attributes as { text?: { context?: { secret?: string } } }).text;
  const secret = text?.context?.secret;
  if (!secret) throw new Error('the settings flow shows no TOTP secret');
  return secret;
}

/** Native password login; returns the session token and the response's session. */
export async function nativeLogin(
  server: TestServer,
  identifier: string,
  password = PASSWORD,
): Promise<{ token: string; session: Session }> {
  const { data: flow } = await server.sdk.frontend.createNativeLoginFlow();
  const { data } = await server.sdk.frontend.updateLoginFlow({
    flow: flow.id,
    updateLoginFlowBody: { method: 'password', identifier, password },
  });
  if (!data.session_token) throw new Error('no session token');
  return { token: data.session_token, session: data.session };
}

/** Pairs an authenticator app through a native settings flow; returns its secret. */
export async function enrollTotp(server: TestServer, token: string): Promise<string> {
  const { data: flow } = await server.sdk.frontend.createNativeSettingsFlow({ xSessionToken: token });
  const secret = shownSecret(flow);
  const { data: done } = await server.sdk.frontend.updateSettingsFlow({
    flow: flow.id,
    xSessionToken: token,
    updateSettingsFlowBody: { method: 'totp', totp_code: totpCode(server, secret) },
  });
  expect(nodeNamed(done, 'totp_unlink')).toBeDefined();
  return secret;
}

/** The codes of a `lookup_secret_codes` node (used ones read "used"). */
export function shownCodes(flow: SettingsFlow): string[] {
  const node = nodeNamed(flow, 'lookup_secret_codes');
  const text = (node?.attributes as { text?: { context?: { secrets?: { id: number; text: string }[] } } })
    .text;
  return (text?.context?.secrets ?? []).map((s) => (s.id === 1050014 ? 'used' : s.text));
}

/** Generates and confirms backup codes through a native settings flow; returns them. */
export async function enrollLookup(server: TestServer, token: string): Promise<string[]> {
  const { data: flow } = await server.sdk.frontend.createNativeSettingsFlow({ xSessionToken: token });
  const { data: shown } = await server.sdk.frontend.updateSettingsFlow({
    flow: flow.id,
    xSessionToken: token,
    updateSettingsFlowBody: { method: 'lookup_secret', lookup_secret_regenerate: true },
  });
  const codes = shownCodes(shown);
  expect(codes).toHaveLength(12);
  await server.sdk.frontend.updateSettingsFlow({
    flow: flow.id,
    xSessionToken: token,
    updateSettingsFlowBody: { method: 'lookup_secret', lookup_secret_confirm: true },
  });
  return codes;
}

/** Starts a native aal2 login flow for a session token. */
export async function nativeSecondFactorFlow(server: TestServer, token: string): Promise<LoginFlow> {
  const { data } = await server.sdk.frontend.createNativeLoginFlow({ aal: 'aal2', xSessionToken: token });
  return data;
}
