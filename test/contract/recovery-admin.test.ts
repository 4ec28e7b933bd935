// The admin recovery endpoints through @ory/client's IdentityApi: `createRecoveryLinkForIdentity` (a link
// that signs the browser in and opens the settings flow) and `createRecoveryCodeForIdentity` (a code and a
// link to the recovery UI), with Kratos's validation errors for every bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flowOf, nodeSummary, raw } from '../helpers/account-flows';
import { CookieJar } from '../helpers/cookies';
import { createIdentity, uniqueEmail } from '../helpers/identities';
import { expectFailure } from '../helpers/sdk';
import { createTestServer, type TestServer } from '../helpers/server';

const APP = 'http://127.0.0.1:4455';
const json = { Accept: 'application/json' };
let server: TestServer;
let admin: string;

beforeAll(async () => {
  server = await createTestServer({
    courier: { smtp: {} },
    selfservice: {
      default_browser_return_url: `${APP}/welcome`,
      allowed_return_urls: [`${APP}/`],
      methods: { link: { enabled: true } },
      flows: {
        recovery: { enabled: true, ui_url: `${APP}/recovery` },
        settings: { ui_url: `${APP}/settings` },
      },
    },
  });
  admin = server.urls.admin.replace(/\/$/, '');
});
afterAll(() => server.close());

const reasonOf = (data: Record<string, unknown>): string => (data.error as { reason: string }).reason;

describe('createRecoveryLinkForIdentity', () => {
  it('case=the link signs the browser in, opens a settings flow with 1060001 and keeps return_to', async () => {
    const email = uniqueEmail('admin-link');
    const identity = await createIdentity(server, { email });
    const before = server.clock.now().getTime();
    const { data, status } = await server.sdk.identity.createRecoveryLinkForIdentity({
      createRecoveryLinkForIdentityBody: { identity_id: identity.id, expires_in: '10m' },
      returnTo: `${APP}/back`,
    });
    expect(status).toBe(200);
    expect(data.recovery_link).toMatch(
      new RegExp(`^${server.urls.public}self-service/recovery\\?flow=[0-9a-f-]{36}&token=[A-Za-z0-9]{32}$`),
    );
    expect(new Date(data.expires_at as string).getTime() - before).toBeGreaterThanOrEqual(10 * 60_000 - 1000);
    expect(new Date(data.expires_at as string).getTime() - before).toBeLessThanOrEqual(10 * 60_000 + 1000);

    const jar = new CookieJar();
    const click = await raw(jar, data.recovery_link);
    expect(click.status).toBe(303);
    const to = new URL(click.location as string);
    expect(`${to.origin}${to.pathname}`).toBe(`${APP}/settings`);
    const settings = flowOf(
      await raw(jar, `${server.urls.public}self-service/settings/flows?id=${to.searchParams.get('flow')}`, {
        headers: json,
      }),
      200,
    );
    expect(settings.ui.messages?.[0]?.id).toBe(1060001);
    expect((settings as unknown as { return_to: string }).return_to).toBe(`${APP}/back`);
    const whoami = await raw(jar, `${server.urls.public}sessions/whoami`, { headers: json });
    expect(
      (whoami.body as { authentication_methods: { method: string }[] }).authentication_methods,
    ).toMatchObject([{ method: 'link_recovery', aal: 'aal1' }]);
    // An admin link does not vouch for an address.
    const { data: after } = await server.sdk.identity.getIdentity({ id: identity.id });
    expect(after.verifiable_addresses?.[0]?.verified).toBe(false);
  });

  it('case=an expired link restarts recovery with 4060005', async () => {
    const identity = await createIdentity(server, { email: uniqueEmail('admin-link-expired') });
    const { data } = await server.sdk.identity.createRecoveryLinkForIdentity({
      createRecoveryLinkForIdentityBody: { identity_id: identity.id, expires_in: '1m' },
    });
    server.clock.advance(2 * 60_000);
    try {
      const click = await raw(new CookieJar(), data.recovery_link);
      expect(click.status).toBe(303);
      const fresh = server.registry.selfService.flows.find(
        'recovery',
        new URL(click.location as string).searchParams.get('flow') ?? '',
      );
      expect(fresh.ui.messages?.map((m) => m.id)).toEqual([4060005]);
    } finally {
      server.clock.advance(-2 * 60_000);
    }
  });

  it.each([
    [
      'an unknown identity',
      { identity_id: crypto.randomUUID() },
      'The requested identity id does not exist.',
    ],
    ['a null identity_id', { identity_id: null }, 'The requested identity id does not exist.'],
    [
      'an unparsable expires_in',
      { expires_in: 'soon' },
      'Unable to parse "expires_in" as a duration string (e.g. "1h", "1m30s", "500ms"): soon',
    ],
    [
      'a negative expires_in',
      { expires_in: '-1h' },
      'Value from "expires_in" must be result to a future time: -1h',
    ],
    [
      'a number as identity_id',
      { identity_id: 42 },
      'Unable to decode JSON payload: json: cannot unmarshal number into Go struct field createRecoveryLinkForIdentityBody.identity_id of type uuid.UUID',
    ],
  ])("case=%s is a 400 with Kratos's reason", async (_name, body, reason) => {
    const identity = await createIdentity(server, { email: uniqueEmail('admin-bad') });
    const res = await expectFailure(
      server.sdk.http.post(`${admin}/admin/recovery/link`, { identity_id: identity.id, ...body }),
    );
    expect(res.status).toBe(400);
    expect(reasonOf(res.data)).toBe(reason);
  });

  it('case=malformed JSON, other content types, __proto__ keys', async () => {
    const send = async (body: string, type = 'application/json') =>
      raw(new CookieJar(), `${admin}/admin/recovery/link`, { body, headers: { 'Content-Type': type } });
    const broken = await send('{"identity_id":');
    expect(broken.status).toBe(400);
    expect(reasonOf(broken.body)).toMatch(/^Unable to decode JSON payload: /);
    const text = await send('{}', 'text/plain');
    expect(reasonOf(text.body)).toBe(
      'HTTP POST Request used unknown HTTP Header "Content-Type: text/plain", only [application/json] are supported.',
    );
    const identity = await createIdentity(server, { email: uniqueEmail('admin-proto') });
    const proto = await send(`{"identity_id":"${identity.id}","__proto__":{"polluted":true}}`);
    expect(proto.status).toBe(200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const flows = server.registry.database.db.prepare(
      "SELECT count(*) AS n FROM selfservice_flows WHERE kind = 'recovery'",
    );
    const count = (flows.get() as { n: number }).n;
    await send('{"identity_id":"not-a-uuid"}');
    expect((flows.get() as { n: number }).n).toBe(count);
  });

  it('case=the public port sends the call to the admin port', async () => {
    const res = await raw(new CookieJar(), `${server.urls.public}admin/recovery/link`, { body: {} });
    expect(res.status).toBe(307);
    expect(res.location).toBe(`${admin}/admin/recovery/link`);
  });
});

describe('createRecoveryCodeForIdentity', () => {
  it('case=a browser opens the recovery UI link without a CSRF cookie and signs in with the code', async () => {
    const email = uniqueEmail('admin-code');
    const identity = await createIdentity(server, { email });
    const { data, status } = await server.sdk.identity.createRecoveryCodeForIdentity({
      createRecoveryCodeForIdentityBody: { identity_id: identity.id },
    });
    expect(status).toBe(201);
    expect(data.recovery_code).toMatch(/^\d{6}$/);
    const link = new URL(data.recovery_link);
    expect(`${link.origin}${link.pathname}`).toBe(`${APP}/recovery`);
    const flowId = link.searchParams.get('flow') as string;

    const jar = new CookieJar();
    const flow = flowOf(
      await raw(jar, `${server.urls.public}self-service/recovery/flows?id=${flowId}`, { headers: json }),
      200,
    );
    expect(flow.state).toBe('sent_email');
    expect(nodeSummary(flow)).toEqual(['code/code:text', 'code/method:submit=code']);

    const done = await raw(jar, flow.ui.action, { form: { method: 'code', code: data.recovery_code } });
    expect(done.status).toBe(303);
    expect(done.location).toMatch(new RegExp(`^${APP}/settings\\?flow=`));
    const whoami = await raw(jar, `${server.urls.public}sessions/whoami`, { headers: json });
    expect((whoami.body as { identity: { id: string } }).identity.id).toBe(identity.id);
    const { data: after } = await server.sdk.identity.getIdentity({ id: identity.id });
    expect(after.verifiable_addresses?.[0]?.verified).toBe(false);
  });

  it('case=flow_type api: the native app submits the code and is sent to the settings UI', async () => {
    const identity = await createIdentity(server, { email: uniqueEmail('admin-code-api') });
    const { data } = await server.sdk.identity.createRecoveryCodeForIdentity({
      createRecoveryCodeForIdentityBody: { identity_id: identity.id, flow_type: 'api', expires_in: '5m' },
    });
    const flowId = new URL(data.recovery_link).searchParams.get('flow') as string;
    const { data: flow } = await server.sdk.frontend.getRecoveryFlow({ id: flowId });
    expect(flow.type).toBe('api');
    const res = await expectFailure(
      server.sdk.frontend.updateRecoveryFlow({
        flow: flowId,
        updateRecoveryFlowBody: { method: 'code', code: data.recovery_code },
      }),
    );
    expect(res.status).toBe(422);
  });

  it.each([
    ['an unknown identity', { identity_id: crypto.randomUUID() }, 404, 'could not find identity'],
    ['a bad flow_type', { flow_type: 'kiosk' }, 400, 'Value from "flow_type" is not valid: "kiosk"'],
    [
      'a negative expires_in',
      { expires_in: '-1h' },
      400,
      'Value from "expires_in" must result to a future time: -1h0m0s',
    ],
    [
      'an unparsable expires_in',
      { expires_in: '1 hour' },
      400,
      'Unable to parse "expires_in" as a duration string (e.g. "1h", "1m30s", "500ms"): 1 hour',
    ],
  ])('case=%s', async (_name, body, status, reason) => {
    const identity = await createIdentity(server, { email: uniqueEmail('admin-code-bad') });
    const res = await expectFailure(
      server.sdk.http.post(`${admin}/admin/recovery/code`, { identity_id: identity.id, ...body }),
    );
    expect(res.status).toBe(status);
    expect(reasonOf(res.data)).toBe(reason);
    if (status === 404)
      expect((res.data.error as { message: string }).message).toBe('Unable to locate the resource');
  });
});

describe('disabled methods', () => {
  it('case=without the link method the link endpoint is a 404', async () => {
    const off = await createTestServer();
    try {
      const identity = await createIdentity(off, { email: uniqueEmail('off') });
      const res = await expectFailure(
        off.sdk.identity.createRecoveryLinkForIdentity({
          createRecoveryLinkForIdentityBody: { identity_id: identity.id },
        }),
      );
      expect(res.status).toBe(404);
      expect(reasonOf(res.data)).toBe(
        'This endpoint was disabled by system administrator. Please check your url or contact the system administrator to enable it.',
      );
      // The code method is on by default.
      const code = await off.sdk.identity.createRecoveryCodeForIdentity({
        createRecoveryCodeForIdentityBody: { identity_id: identity.id },
      });
      expect(code.status).toBe(201);
    } finally {
      await off.close();
    }
  });
});
