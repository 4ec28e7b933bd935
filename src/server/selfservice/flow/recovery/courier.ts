// Queueing the recovery and verification messages with the Go-named template models Kratos fills
// (selfservice/strategy/code/code_sender.go, selfservice/strategy/link/sender.go): the identity as its
// public JSON, the flow's transient payload (an empty object when there is none), the request URL.
import type { Courier, EmailModels, EmailTemplateType, SmsModels, SmsTemplateType } from '../../../courier';
import { CourierError } from '../../../courier';
import { marshalIdentity } from '../../../identity/marshal';
import type { Identity } from '../../../identity/model';
import type { Logger } from '../../../logger';
import type { StoredFlow } from '../model';

export interface AccountCourierDeps {
  courier: Courier;
  logger: Logger;
  schemaUrl(schemaId: string): string;
}

/** x.StructToMap(identity): what templates see as `.Identity`. */
export function identityModel(deps: AccountCourierDeps, identity: Identity): Record<string, unknown> {
  return JSON.parse(
    JSON.stringify(marshalIdentity(identity, deps.schemaUrl(identity.schema_id), { kind: 'public' })),
  ) as Record<string, unknown>;
}

/** x.ParseRawMessageOrEmpty(flow.TransientPayload). */
export function transientPayload(flow: StoredFlow): Record<string, unknown> {
  return flow.transient_payload ?? {};
}

/** The host name of the request URL (RequestURLDomain of SMS models). */
export function requestUrlDomain(requestUrl: string): string {
  try {
    return new URL(requestUrl).hostname;
  } catch {
    return '';
  }
}

/**
 * Queues an email. An address the courier refuses (it could smuggle a header) is treated like an unknown
 * recipient: nothing is sent and the flow goes on, so bad input never becomes a 500.
 */
export async function sendEmail<T extends EmailTemplateType>(
  deps: AccountCourierDeps,
  templateType: T,
  model: EmailModels[T],
): Promise<boolean> {
  try {
    await deps.courier.queueEmail({ templateType, model });
    return true;
  } catch (err) {
    if (!(err instanceof CourierError)) throw err;
    deps.logger.info('A recovery or verification message was not queued.', { reason: err.message });
    return false;
  }
}

export async function sendSms<T extends SmsTemplateType>(
  deps: AccountCourierDeps,
  templateType: T,
  model: SmsModels[T],
): Promise<boolean> {
  try {
    await deps.courier.queueSms({ templateType, model });
    return true;
  } catch (err) {
    if (!(err instanceof CourierError)) throw err;
    deps.logger.info('A recovery or verification message was not queued.', { reason: err.message });
    return false;
  }
}
