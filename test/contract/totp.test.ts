// TOTP through @ory/client: pairing an authenticator app in the settings flow (QR code, secret, code
// check), the aal2 login with codes computed by otpauth, unlinking, the privileged-session rule, and bad
// input that changes nothing.
import jsQR from 'jsqr';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createIdentity, uniqueEmail } from '../helpers/identities';
import {
  enrollTotp,
  messageIds,
  nativeLogin,
  nativeSecondFactorFlow,
  nodeNamed,
  nodeNames,
  PASSWORD,
  shownSecret,
  totpCode,
} from '../helpers/mfa';
import { expectFailure } from '../helpers/sdk';
import { base64Schema, createTestServer, testIdentitySchema, type TestServer } from '../helpers/server';

const ISSUER = 'Gatehouse Test';
let server: TestServer;

const accountNameSchema = structuredClone(testIdentitySchema);
const emailTrait = accountNameSchema.properties.traits.properties.email as Record<string, unknown>;
emailTrait['ory.sh/kratos'] = {
  credentials: { password: { identifier: true }, totp: { account_name: true } },
};

beforeAll(async () => {
  server = await createTestServer({
    selfservice: {
      default_browser_return_url: 'http://127.0.0.1:4455/',
      methods: { totp: { enabled: true, config: { issuer: ISSUER } } },
      flows: { settings: { privileged_session_max_age: '5m' } },
    },
    identity: {
      default_schema_id: 'default',
      schemas: [
        { id: 'default', url: base64Schema(testIdentitySchema) },
        { id: 'totp-account', url: base64Schema(accountNameSchema) },
      ],
    },
  });
});
afterAll(() => server.close());
beforeEach(() => server.clock.reset());

async function signedInUser(): Promise<{ id: string; email: string; token: string }> {
  const email = uniqueEmail('totp');
  const identity = await createIdentity(server, { email, password: PASSWORD });
  const { token } = await nativeLogin(server, email);
  return { id: identity.id, email, token };
}

/** The identity's second-factor credential types. */
async function credentialTypes(id: string): Promise<string[]> {
  const { data } = await server.sdk.identity.getIdentity({ id });
  return Object.keys(data.credentials ?? {})
    .filter((t) => t === 'totp' || t === 'lookup_secret')
    .sort();
}

/** Decodes a `data:image/png;base64,` 1-bit greyscale PNG and reads its QR code. */
function readQr(src: string): string | undefined {
  const png = Buffer.from(src.replace(/^data:image\/png;base64,/, ''), 'base64');
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const chunks: Buffer[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    if (png.toString('ascii', at + 4, at + 8) === 'IDAT') chunks.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  const rowBytes = Math.ceil(width / 8) + 1;
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const white = ((raw[y * rowBytes + 1 + (x >> 3)] ?? 0) >> (7 - (x & 7))) & 1;
      rgba.fill(white ? 255 : 0, (y * width + x) * 4, (y * width + x) * 4 + 3);
      rgba[(y * width + x) * 4 + 3] = 255;
    }
  return jsQR(rgba, width, height)?.data;
}

describe('TOTP in the settings flow', () => {
  it('case=without TOTP the form shows a QR code of the key URL, its secret, a code field and Save', async () => {
    const { id, token } = await signedInUser();
    const { data: flow } = await server.sdk.frontend.createNativeSettingsFlow({ xSessionToken: token });
    expect(nodeNames(flow).filter((n) => n.startsWith('totp/'))).toEqual([
      'totp/totp_qr',
      'totp/totp_secret_key',
      'totp/totp_code',
      'totp/method',
    ]);
    const qr = nodeNamed(flow, 'totp_qr');
    expect(qr?.type).toBe('img');
    expect(qr?.attributes).toMatchObject({ width: 256, height: 256, node_type: 'img' });
    expect(qr?.meta.label).toMatchObject({ id: 1050005, text: 'Authenticator app QR code' });
    const secret = shownSecret(flow);
    expect(secret).toMatchObject(/^[A-Z2-7]{32}$/);
    expect(nodeNamed(flow, 'totp_secret_key')?.attributes).toMatchObject({
      text: { id: 1050006, text: secret, type: 'info', context: { secret } },
    });
    const src = (qr?.attributes as { src: string }).src;
    expect(src.startsWith('data:image/png;base64,')).toBe(true);
    expect(readQr(src)).toBe(
      `otpauth://totp/Gatehouse%20Test:${id}?algorithm=SHA1&digits=6&issuer=Gatehouse%20Test&period=30&secret=${secret}`,
    );
    expect(nodeNamed(flow, 'totp_code')?.attributes).toMatchObject({ type: 'text', required: true });
    expect(nodeNamed(flow, 'totp_code')?.attributes).not.toHaveProperty('value');
    expect(nodeNamed(flow, 'totp_code')?.meta.label).toMatchObject({ id: 1070006 });
  });

  it('case=the account name is the trait flagged credentials.totp.account_name', async () => {
    const email = uniqueEmail('account-name');
    await server.sdk.identity.createIdentity({
      createIdentityBody: {
        schema_id: 'totp-account',
        traits: { email },
        credentials: { password: { config: { password: PASSWORD } } },
      },
    });
    const { token } = await nativeLogin(server, email);
    const { data: flow } = await server.sdk.frontend.createNativeSettingsFlow({ xSessionToken: token });
    const src = (nodeNamed(flow, 'totp_qr')?.attributes as { src: string }).src;
    expect(readQr(src)).toContain(`otpauth://totp/Gatehouse%20Test:${email}?`);
  });

  it('case=a wrong code is refused on the code field; the right one pairs the app and steps the session up', async () => {
    const { id, token } = await signedInUser();
    const { data: before } = await server.sdk.frontend.toSession({ xSessionToken: token });
    const { data: flow } = await server.sdk.frontend.createNativeSettingsFlow({ xSessionToken: token });
    const secret = shownSecret(flow);
    const wrongCode = String((Number(totpCode(server, secret)) + 1) % 1_000_000).padStart(6, '0');

    const wrong = await expectFailure(
      server.sdk.frontend.updateSettingsFlow({
        flow: flow.id,
        xSessionToken: token,
        updateSettingsFlowBody: { method: 'totp', totp_code: wrongCode },
      }),
    );
    expect(wrong.status).toBe(400);
    const wrongFlow = wrong.data as unknown as typeof flow;
    expect(nodeNamed(wrongFlow, 'totp_code')?.messages.map((m) => m.id)).toEqual([4000008]);
    expect(await credentialTypes(id)).toEqual([]);

    const missing = await expectFailure(
      server.sdk.frontend.updateSettingsFlow({
        flow: flow.id,
        xSessionToken: token,
        updateSettingsFlowBody: { method: 'totp' },
      }),
    );
    expect(missing.status).toBe(400);
    expect(nodeNamed(missing.data as unknown as typeof flow, 'totp_code')?.messages.map((m) => m.id)).toEqual(
      [4000002],
    );

    const { data: done } = await server.sdk.frontend.updateSettingsFlow({
      flow: flow.id,
      xSessionToken: token,
      updateSettingsFlowBody: { method: 'totp', totp_code: totpCode(server, secret) },
    });
    expect(done.state).toBe('success');
    expect(messageIds(done)).toEqual([1050001]);
    expect(nodeNames(done).filter((n) => n.startsWith('totp/'))).toEqual(['totp/totp_unlink']);
    expect(nodeNamed(done, 'totp_unlink')?.attributes).toMatchObject({
      type: 'submit',
      value: 'true',
      required: true,
    });
    expect(nodeNamed(done, 'totp_unlink')?.meta.label).toMatchObject({ id: 1050004 });

    const { data: stored } = await server.sdk.identity.getIdentity({ id, includeCredential: ['totp'] });
    expect(stored.credentials?.totp?.identifiers).toEqual([id]);
    const { data: session } = await server.sdk.frontend.toSession({ xSessionToken: token });
    expect(session.authenticator_assurance_level).toBe('aal2');
    expect(session.authentication_methods?.map((m) => [m.method, m.aal])).toEqual([
      ['password', 'aal1'],
      ['totp', 'aal2'],
    ]);
    // Pairing adds the method but is no sign-in: the privileged window still runs from the password login.
    expect(session.authenticated_at).toBe(before.authenticated_at);
  });

  it('case=codes from the previous and the next 30-second step are accepted, older ones are not', async () => {
    const { token } = await signedInUser();
    const { data: flow } = await server.sdk.frontend.createNativeSettingsFlow({ xSessionToken: token });
    const secret = shownSecret(flow);
    const stale = await expectFailure(
      server.sdk.frontend.updateSettingsFlow({
        flow: flow.id,
        xSessionToken: token,
        updateSettingsFlowBody: { method: 'totp', totp_code: totpCode(server, secret, -3) },
      }),
    );
    expect(stale.status).toBe(400);
    const { data: done } = await server.sdk.frontend.updateSettingsFlow({
      flow: flow.id,
      xSessionToken: token,
      updateSettingsFlowBody: { method: 'totp', totp_code: totpCode(server, secret, -1) },
    });
    expect(done.state).toBe('success');
  });

  it('case=unlinking removes the credential and the form offers pairing again', async () => {
    const { id, token } = await signedInUser();
    await enrollTotp(server, token);
    expect(await credentialTypes(id)).toEqual(['totp']);
    const { data: flow } = await server.sdk.frontend.createNativeSettingsFlow({ xSessionToken: token });
    // The unlink button carries no `method`: it selects the TOTP strategy by itself.
    const { data: done } = await server.sdk.frontend.updateSettingsFlow({
      flow: flow.id,
      xSessionToken: token,
      updateSettingsFlowBody: { totp_unlink: true } as never,
    });
    expect(messageIds(done)).toEqual([1050001]);
    expect(nodeNamed(done, 'totp_qr')).toBeDefined();
    expect(await credentialTypes(id)).toEqual([]);
  });

  it('case=pairing and unlinking need a privileged session (403 session_refresh_required)', async () => {
    const { id, token } = await signedInUser();
    const { data: flow } = await server.sdk.frontend.createNativeSettingsFlow({ xSessionToken: token });
    const secret = shownSecret(flow);
    server.clock.advance(6 * 60_000);
    const stale = await expectFailure(
      server.sdk.frontend.updateSettingsFlow({
        flow: flow.id,
        xSessionToken: token,
        updateSettingsFlowBody: { method: 'totp', totp_code: totpCode(server, secret) },
      }),
    );
    expect(stale.status).toBe(403);
    expect(stale.data).toMatchObject({ error: { id: 'session_refresh_required' } });
    expect(await credentialTypes(id)).toEqual([]);
  });
});

describe('TOTP as the second factor of a login', () => {
  it('case=after the password the session is aal1 and whoami asks for aal2 (highest_available)', async () => {
    const { email, token: first } = await signedInUser();
    await enrollTotp(server, first);

    const { token, session } = await nativeLogin(server, email);
    // Kratos leaves the identity out of the native response while the AAL is not satisfied.
    expect(session.identity).toBeUndefined();
    expect(session.authenticator_assurance_level).toBe('aal1');
    const whoami = await expectFailure(server.sdk.frontend.toSession({ xSessionToken: token }));
    expect(whoami.status).toBe(403);
    expect(whoami.data).toMatchObject({
      error: {
        id: 'session_aal2_required',
        details: { redirect_browser_to: `${server.urls.public}self-service/login/browser?aal=aal2` },
      },
      redirect_browser_to: `${server.urls.public}self-service/login/browser?aal=aal2`,
    });
  });

  it('case=the aal2 flow asks for the code; a wrong code is 4000008, the right one completes aal2', async () => {
    const { email, token: first } = await signedInUser();
    const secret = await enrollTotp(server, first);
    const { token } = await nativeLogin(server, email);

    const flow = await nativeSecondFactorFlow(server, token);
    expect(flow.requested_aal).toBe('aal2');
    expect(messageIds(flow)).toEqual([1010004]);
    expect(nodeNames(flow)).toEqual(['default/csrf_token', 'totp/totp_code', 'totp/method']);
    expect(nodeNamed(flow, 'totp_code')?.attributes).toMatchObject({ value: '', required: true });
    expect(nodeNamed(flow, 'totp_code')?.meta.label).toMatchObject({ id: 1010006 });
    expect(nodeNamed(flow, 'method')?.meta.label).toMatchObject({ id: 1010009 });

    const wrongCode = String((Number(totpCode(server, secret)) + 1) % 1_000_000).padStart(6, '0');
    const wrong = await expectFailure(
      server.sdk.frontend.updateLoginFlow({
        flow: flow.id,
        xSessionToken: token,
        updateLoginFlowBody: { method: 'totp', totp_code: wrongCode },
      }),
    );
    expect(wrong.status).toBe(400);
    expect(messageIds(wrong.data as unknown as typeof flow)).toEqual([4000008]);
    expect(nodeNamed(wrong.data as unknown as typeof flow, 'totp_code')?.attributes).not.toHaveProperty(
      'value',
    );

    const short = await expectFailure(
      server.sdk.frontend.updateLoginFlow({
        flow: flow.id,
        xSessionToken: token,
        updateLoginFlowBody: { method: 'totp', totp_code: '123' },
      }),
    );
    expect(nodeNamed(short.data as unknown as typeof flow, 'totp_code')?.messages.map((m) => m.id)).toEqual([
      4000003,
    ]);

    const { data } = await server.sdk.frontend.updateLoginFlow({
      flow: flow.id,
      xSessionToken: token,
      updateLoginFlowBody: { method: 'totp', totp_code: totpCode(server, secret) },
    });
    expect(data.session_token).toBe(token);
    expect(data.session.authenticator_assurance_level).toBe('aal2');
    expect(data.session.authentication_methods?.map((m) => [m.method, m.aal])).toEqual([
      ['password', 'aal1'],
      ['totp', 'aal2'],
    ]);
    const { data: whoami } = await server.sdk.frontend.toSession({ xSessionToken: token });
    expect(whoami.id).toBe(data.session.id);
    expect(whoami.identity?.traits).toMatchObject({ email });
  });

  it('case=an identity without TOTP gets no TOTP form and a TOTP submission says no device (4000011)', async () => {
    const { token } = await signedInUser();
    const flow = await nativeSecondFactorFlow(server, token);
    expect(nodeNames(flow)).toEqual(['default/csrf_token']);
    const res = await expectFailure(
      server.sdk.frontend.updateLoginFlow({
        flow: flow.id,
        xSessionToken: token,
        updateLoginFlowBody: { method: 'totp', totp_code: '123456' },
      }),
    );
    expect(res.status).toBe(400);
    expect(messageIds(res.data as unknown as typeof flow)).toEqual([4000011]);
  });

  it('case=a TOTP code is no first factor: aal1 flows ignore it', async () => {
    const { data: flow } = await server.sdk.frontend.createNativeLoginFlow();
    expect(nodeNames(flow).some((n) => n.startsWith('totp/'))).toBe(false);
    const res = await expectFailure(
      server.sdk.frontend.updateLoginFlow({
        flow: flow.id,
        updateLoginFlowBody: { method: 'totp', totp_code: '123456' },
      }),
    );
    expect(res.status).toBe(400);
    expect(messageIds(res.data as unknown as typeof flow)).toEqual([4010002]);
  });
});

describe('TOTP bad input changes nothing', () => {
  it.each([
    ['totp_code as a number', { method: 'totp', totp_code: 123456 }, 'totp_code', 4000026],
    ['totp_unlink as a string', { method: 'totp', totp_unlink: 'yes' }, 'totp_unlink', 4000026],
    [
      'transient_payload as a string',
      { method: 'totp', transient_payload: 'x' },
      'transient_payload',
      4000026,
    ],
  ])('case=settings: %s', async (_name, body, node, id) => {
    const { id: identityId, token } = await signedInUser();
    const { data: flow } = await server.sdk.frontend.createNativeSettingsFlow({ xSessionToken: token });
    const res = await expectFailure(
      server.sdk.frontend.updateSettingsFlow({
        flow: flow.id,
        xSessionToken: token,
        updateSettingsFlowBody: body as never,
      }),
    );
    expect(res.status).toBe(400);
    expect(nodeNamed(res.data as unknown as typeof flow, node)?.messages.map((m) => m.id)).toEqual([id]);
    expect(await credentialTypes(identityId)).toEqual([]);
  });

  it.each([
    ['malformed JSON', '{"method":"totp",', 400],
    ['a JSON array', '["totp"]', 400],
    ['__proto__ smuggling the code', '{"__proto__":{"method":"totp","totp_code":"000000"}}', 400],
  ])('case=login: %s', async (_name, raw, status) => {
    const { email, token: first } = await signedInUser();
    await enrollTotp(server, first);
    const { token } = await nativeLogin(server, email);
    const flow = await nativeSecondFactorFlow(server, token);
    const res = await fetch(flow.ui.action, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Session-Token': token },
      body: raw,
    });
    expect(res.status).toBe(status);
    const whoami = await expectFailure(server.sdk.frontend.toSession({ xSessionToken: token }));
    expect(whoami.status).toBe(403);
  });

  it('case=an unknown flow id is 404 and a malformed one 400', async () => {
    const { token } = await signedInUser();
    const unknown = await expectFailure(
      server.sdk.frontend.updateLoginFlow({
        flow: crypto.randomUUID(),
        xSessionToken: token,
        updateLoginFlowBody: { method: 'totp', totp_code: '123456' },
      }),
    );
    expect(unknown.status).toBe(404);
    const malformed = await expectFailure(
      server.sdk.frontend.updateSettingsFlow({
        flow: 'not-a-uuid',
        xSessionToken: token,
        updateSettingsFlowBody: { method: 'totp', totp_code: '123456' },
      }),
    );
    expect(malformed.status).toBe(400);
  });
});

describe('TOTP disabled', () => {
  it('case=no TOTP nodes in settings; a TOTP submission is 404 (method disabled)', async () => {
    const off = await createTestServer();
    try {
      const email = uniqueEmail('totp-off');
      await createIdentity(off, { email, password: PASSWORD });
      const { token } = await nativeLogin(off, email);
      const { data: flow } = await off.sdk.frontend.createNativeSettingsFlow({ xSessionToken: token });
      expect(nodeNames(flow).some((n) => n.startsWith('totp/'))).toBe(false);
      const res = await expectFailure(
        off.sdk.frontend.updateSettingsFlow({
          flow: flow.id,
          xSessionToken: token,
          updateSettingsFlowBody: { method: 'totp', totp_code: '123456' },
        }),
      );
      expect(res.status).toBe(404);
    } finally {
      off.close();
    }
  });
});
