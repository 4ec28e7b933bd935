// Passkey test support: the server config (passkeys on "localhost", the session hook after sign-up), node
// readers, and native sign-up / sign-in steps driven with the software authenticator.
import type { LoginFlow, RegistrationFlow, UiNode } from '@ory/client';
import { expect } from 'vitest';
import { expectFailure } from './sdk';
import { base64Schema, type TestServer } from './server';
import { SoftwareAuthenticator } from './webauthn-authenticator';

export const ORIGIN = 'http://localhost:4455';
export const passkeySchema = {
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
            credentials: { password: { identifier: true }, passkey: { display_name: true } },
          },
        },
      },
      required: ['email'],
      additionalProperties: false,
    },
  },
};

export const node = (flow: { ui: { nodes: UiNode[] } }, name: string): UiNode | undefined =>
  flow.ui.nodes.find((n) => (n.attributes as { name?: string; id?: string }).name === name);
export const value = (flow: { ui: { nodes: UiNode[] } }, name: string): string =>
  String((node(flow, name)?.attributes as { value?: unknown } | undefined)?.value ?? '');
export const messageIds = (flow: { ui: { messages?: { id: number }[] } }): number[] =>
  (flow.ui.messages ?? []).map((m) => m.id);

/** The passkey config of the test servers (RP "localhost", origin ORIGIN). */
export function passkeyTestConfig(): Record<string, unknown> {
  return {
    identity: {
      default_schema_id: 'default',
      schemas: [{ id: 'default', url: base64Schema(passkeySchema) }],
    },
    selfservice: {
      default_browser_return_url: `${ORIGIN}/`,
      methods: {
        passkey: {
          enabled: true,
          config: { rp: { id: 'localhost', display_name: 'Gatehouse Test', origins: [ORIGIN] } },
        },
      },
      flows: {
        registration: { after: { passkey: { hooks: [{ hook: 'session' }] } } },
        settings: { privileged_session_max_age: '1h' },
      },
    },
  };
}

/** Native passkey steps against the server `current()` returns. */
export interface PasskeySteps {
  registrationWithPasskeyNodes(email: string): Promise<RegistrationFlow>;
  signUp(
    email: string,
    authenticator?: SoftwareAuthenticator,
  ): Promise<{ token: string; identityId: string; authenticator: SoftwareAuthenticator }>;
  loginFlow(): Promise<LoginFlow>;
  submitLogin(flow: LoginFlow, passkeyLogin: unknown): Promise<{ status: number; data: LoginFlow }>;
  storedPasskey(identityId: string): Promise<Record<string, unknown>>;
}

export function passkeySteps(current: () => TestServer): PasskeySteps {
  /** Two-step native sign-up up to the credential screen; returns the flow with the passkey nodes. */
  async function registrationWithPasskeyNodes(email: string): Promise<RegistrationFlow> {
    const { data: flow } = await current().sdk.frontend.createNativeRegistrationFlow();
    const step = await expectFailure(
      current().sdk.frontend.updateRegistrationFlow({
        flow: flow.id,
        updateRegistrationFlowBody: { method: 'profile', traits: { email } },
      }),
    );
    expect(step.status).toBe(400);
    return step.data as unknown as RegistrationFlow;
  }

  async function signUp(
    email: string,
    authenticator = new SoftwareAuthenticator(),
  ): Promise<{ token: string; identityId: string; authenticator: SoftwareAuthenticator }> {
    const flow = await registrationWithPasskeyNodes(email);
    const createData = JSON.parse(value(flow, 'passkey_create_data')) as { credentialOptions: object };
    const { data } = await current().sdk.frontend.updateRegistrationFlow({
      flow: flow.id,
      updateRegistrationFlowBody: {
        method: 'passkey',
        traits: { email },
        passkey_register: authenticator.create(createData.credentialOptions as never, ORIGIN),
      },
    });
    const token = data.session_token;
    if (!token) throw new Error('the session hook issued no token');
    return { token, identityId: data.identity.id, authenticator };
  }

  async function loginFlow(): Promise<LoginFlow> {
    const { data } = await current().sdk.frontend.createNativeLoginFlow();
    return data;
  }

  async function submitLogin(
    flow: LoginFlow,
    passkeyLogin: unknown,
  ): Promise<{ status: number; data: LoginFlow }> {
    const failed = await expectFailure(
      current().sdk.frontend.updateLoginFlow({
        flow: flow.id,
        updateLoginFlowBody: { method: 'passkey', passkey_login: passkeyLogin as string },
      }),
    );
    return { status: failed.status, data: failed.data as unknown as LoginFlow };
  }

  async function storedPasskey(identityId: string): Promise<Record<string, unknown>> {
    const { data } = await current().sdk.identity.getIdentity({
      id: identityId,
      includeCredential: ['passkey'],
    });
    return data.credentials?.passkey as unknown as Record<string, unknown>;
  }
  return { registrationWithPasskeyNodes, signUp, loginFlow, submitLogin, storedPasskey };
}
