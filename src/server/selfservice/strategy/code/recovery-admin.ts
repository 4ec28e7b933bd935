// POST /admin/recovery/code (selfservice/strategy/code/strategy_recovery_admin.go): an admin creates a
// recovery flow waiting for a code, and gets the code and a link to the recovery UI for it. The flow skips
// the CSRF check (whoever opens the link did not start it); the code is an admin code, so it does not
// mark any address verified.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { badRequest, KratosError, notFound } from '../../../errors/errors';
import { toKratosError } from '../../../errors/writer';
import { formatDuration, parseDurationMs } from '../../../config/duration';
import { decode, type FieldSpec } from '../../../http/decode';
import { parseJson, readBodyText } from '../../../http/body';
import type { IdentityPersister } from '../../../identity/persister';
import { newContainer } from '../../../ui/container';
import { appendFlowTo } from '../../flow/model';
import { methodDisabled } from '../../flow/errors';
import { methodEnabled, uiUrl } from '../../flow/config';
import type { RecoveryFlowManager } from '../../flow/recovery/manager';
import { SKIP_CSRF_CHECK, type RecoveryStrategy } from '../../flow/recovery/strategy';
import type { FlowService } from '../../flow/service';
import type { OneTimeCodes } from './codes';
import { CODE_TYPE_ADMIN } from './persister';
import { continueButton, recoveryCodeInput } from './recovery-nodes';

export const ROUTE_ADMIN_RECOVERY_CODE = '/admin/recovery/code';

export interface AdminRecoveryDeps {
  flows: FlowService;
  codes: OneTimeCodes;
  identityPersister: IdentityPersister;
  recoveryFlows(): RecoveryFlowManager;
  recoveryStrategy(id: 'code' | 'link'): RecoveryStrategy;
}

/** decoderx.Decode with HTTPJSONDecoder: JSON only, a body, Go's decode errors as the reason. */
export async function readAdminJson<T>(c: Context, spec: FieldSpec & { struct: string }): Promise<T> {
  const type = c.req.header('content-type') ?? '';
  if ((c.req.header('content-length') ?? '') === '0') {
    throw badRequest('Unable to decode HTTP Request Body because its HTTP Header "Content-Length" is zero.');
  }
  if (type.split(';')[0]?.trim().toLowerCase() !== 'application/json') {
    throw badRequest(
      `HTTP POST Request used unknown HTTP Header "Content-Type: ${type}", only [application/json] are supported.`,
    );
  }
  try {
    const value = parseJson(await readBodyText(c));
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      const kind = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
      throw badRequest(undefined, {
        message: `json: cannot unmarshal ${kind === 'boolean' ? 'bool' : kind} into Go value of type code.${spec.struct}`,
      });
    }
    return decode<T>(value, spec);
  } catch (err) {
    if (err instanceof KratosError && err.status === 400 && !err.reason) {
      throw badRequest(`Unable to decode JSON payload: ${err.message}`);
    }
    throw err;
  }
}

/** A Go duration from `expires_in`, or the default; the error text is Kratos's. */
export function expiresIn(raw: string | undefined, fallbackMs: number): number {
  if (!raw) return fallbackMs;
  try {
    return parseDurationMs(raw);
  } catch {
    throw badRequest(
      `Unable to parse "expires_in" as a duration string (e.g. "1h", "1m30s", "500ms"): ${raw}`,
    );
  }
}

export const NIL_UUID = '00000000-0000-0000-0000-000000000000';

interface CodeBody {
  identity_id?: string | null;
  expires_in?: string | null;
  flow_type?: string | null;
}

export function adminRecoveryCodeHandler(deps: AdminRecoveryDeps): (c: Context) => Promise<Response> {
  const { flows } = deps;
  return async (c) => {
    try {
      if (!methodEnabled(flows.config, 'code')) throw methodDisabled();
      const body = await readAdminJson<CodeBody>(c, {
        struct: 'createRecoveryCodeForIdentityBody',
        fields: { identity_id: 'uuid', expires_in: 'string', flow_type: 'string' },
      });
      const lifespan = expiresIn(body.expires_in ?? undefined, deps.codes.lifespanMs('recovery'));
      if (lifespan <= 0) {
        throw badRequest(`Value from "expires_in" must result to a future time: ${formatDuration(lifespan)}`);
      }
      const type = body.flow_type ?? 'browser';
      if (type !== 'browser' && type !== 'api') {
        throw badRequest(`Value from "flow_type" is not valid: ${JSON.stringify(type)}`);
      }
      const flow = deps.recoveryFlows().newFlow(c, type, {
        strategy: deps.recoveryStrategy('code'),
        lifespanMs: lifespan,
      });
      // The CSRF cookie a flow normally sets belongs to the browser, not to this admin call.
      c.header('Set-Cookie', undefined);
      const identity = deps.identityPersister.getIdentity((body.identity_id ?? NIL_UUID).toLowerCase());
      if (!identity) throw notFound('could not find identity', { message: 'Unable to locate the resource' });

      flow.internal = { ...flow.internal, [SKIP_CSRF_CHECK]: true };
      flow.state = 'sent_email';
      flow.ui = newContainer(flow.ui.action);
      flow.ui.nodes.push(recoveryCodeInput(), continueButton());
      flows.save(flow);
      const { code } = deps.codes.issue({
        kind: 'recovery',
        flowId: flow.id,
        identityId: identity.id,
        codeType: CODE_TYPE_ADMIN,
        lifespanMs: lifespan,
      });
      return c.json(
        {
          recovery_link: appendFlowTo(uiUrl(flows.config, 'recovery'), flow.id),
          recovery_code: code,
          expires_at: flow.expires_at,
        },
        201,
      );
    } catch (err) {
      const e = toKratosError(err);
      return c.json(e.toJSON(), e.status as ContentfulStatusCode);
    }
  };
}
