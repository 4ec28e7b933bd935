// The verification test server (code method, verification after registration with show_verification_ui)
// and the native steps the verification contract tests share.
import type { VerificationFlow } from '@ory/client';
import { uniqueEmail } from './identities';
import type { RawConfig } from '../../src/server/config/config';
import type { TestServer } from './server';

export const APP = 'http://127.0.0.1:4455';
export const PASSWORD = 'correct horse battery staple 42';

export const verificationConfig: RawConfig = {
  // Kratos's config schema wants a courier section once recovery or verification is on; without a
  // connection_uri mail goes to the built-in sink.
  courier: { smtp: {} },
  selfservice: {
    default_browser_return_url: `${APP}/welcome`,
    allowed_return_urls: [`${APP}/`],
    methods: { code: { config: { lifespan: '15m' } } },
    flows: {
      verification: { enabled: true, ui_url: `${APP}/verification`, lifespan: '1h' },
      registration: {
        enable_legacy_one_step: true,
        after: { password: { hooks: [{ hook: 'show_verification_ui' }, { hook: 'session' }] } },
      },
    },
  },
};

export async function newIdentity(
  server: TestServer,
  email = uniqueEmail('verify'),
): Promise<{ id: string; email: string }> {
  const { data } = await server.sdk.identity.createIdentity({
    createIdentityBody: { schema_id: 'default', traits: { email } },
  });
  return { id: data.id, email };
}

export async function addressOf(
  server: TestServer,
  identityId: string,
): Promise<{ verified: boolean; status: string }> {
  const { data } = await server.sdk.identity.getIdentity({ id: identityId });
  const a = data.verifiable_addresses?.[0];
  return { verified: a?.verified ?? false, status: a?.status ?? '' };
}

/** Native: a flow, the email submitted; answers with the flow in sent_email. */
export async function sendNative(server: TestServer, email: string): Promise<VerificationFlow> {
  const { data: flow } = await server.sdk.frontend.createNativeVerificationFlow();
  const { data: sent } = await server.sdk.frontend.updateVerificationFlow({
    flow: flow.id,
    updateVerificationFlowBody: { method: 'code', email },
  });
  return sent;
}

export async function submitCode(
  server: TestServer,
  flowId: string,
  code: string,
): Promise<VerificationFlow> {
  const { data } = await server.sdk.frontend.updateVerificationFlow({
    flow: flowId,
    updateVerificationFlowBody: { method: 'code', code },
  });
  return data;
}
