// POST /admin/recovery/link (selfservice/strategy/link/strategy_recovery.go createRecoveryLinkForIdentity):
// an admin creates a browser recovery flow and gets a link that completes it for the identity, valid for
// `expires_in` (default: the link method's lifespan). `?return_to=` is carried into the flow.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { badRequest } from '../../../errors/errors';
import { toKratosError } from '../../../errors/writer';
import { methodDisabled } from '../../flow/errors';
import { methodEnabled } from '../../flow/config';
import { courierBaseUrl } from '../../flow/recovery/config';
import { type AdminRecoveryDeps, expiresIn, NIL_UUID, readAdminJson } from '../code/recovery-admin';
import { CODE_TYPE_ADMIN } from '../code/persister';

export const ROUTE_ADMIN_RECOVERY_LINK = '/admin/recovery/link';

interface LinkBody {
  identity_id?: string | null;
  expires_in?: string | null;
}

export function adminRecoveryLinkHandler(deps: AdminRecoveryDeps): (c: Context) => Promise<Response> {
  const { flows } = deps;
  return async (c) => {
    try {
      if (!methodEnabled(flows.config, 'link')) throw methodDisabled();
      const body = await readAdminJson<LinkBody>(c, {
        struct: 'createRecoveryLinkForIdentityBody',
        fields: { identity_id: 'uuid', expires_in: 'string' },
      });
      const lifespan = expiresIn(body.expires_in ?? undefined, deps.codes.lifespanMs('recovery_link'));
      if (lifespan <= 0) {
        throw badRequest(`Value from "expires_in" must be result to a future time: ${body.expires_in ?? ''}`);
      }
      const flow = deps.recoveryFlows().newFlow(c, 'browser', {
        strategy: deps.recoveryStrategy('link'),
        lifespanMs: lifespan,
      });
      // The CSRF cookie a flow normally sets belongs to the browser, not to this admin call.
      c.header('Set-Cookie', undefined);
      const identity = deps.identityPersister.getIdentity((body.identity_id ?? NIL_UUID).toLowerCase());
      if (!identity) throw badRequest('The requested identity id does not exist.');

      flows.save(flow);
      const { code: token } = deps.codes.issue({
        kind: 'recovery_link',
        flowId: flow.id,
        identityId: identity.id,
        codeType: CODE_TYPE_ADMIN,
        lifespanMs: lifespan,
      });
      const link = new URL('self-service/recovery', courierBaseUrl(flows.config));
      link.searchParams.set('flow', flow.id);
      link.searchParams.set('token', token);
      return c.json({ recovery_link: link.toString(), expires_at: flow.expires_at });
    } catch (err) {
      const e = toKratosError(err);
      return c.json(e.toJSON(), e.status as ContentfulStatusCode);
    }
  };
}
