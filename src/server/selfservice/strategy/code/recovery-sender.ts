// Sending recovery codes (selfservice/strategy/code/code_sender.go SendRecoveryCode, SendRecoveryCodeTo):
// a six-digit code for a known recovery address, by email or SMS as the address says; unknown addresses
// get nothing, or the `recovery_code_invalid` email with `notify_unknown_recipients`.
import type { Clock } from '../../../clock';
import type { Config } from '../../../config/config';
import type { IdentityPersister } from '../../../identity/persister';
import type { StoredFlow } from '../../flow/model';
import { expiresInMinutes, notifyUnknownRecipients } from '../../flow/recovery/config';
import {
  type AccountCourierDeps,
  identityModel,
  requestUrlDomain,
  sendEmail,
  sendSms,
  transientPayload,
} from '../../flow/recovery/courier';
import type { AddressPersister } from '../../flow/verification/addresses';
import type { OneTimeCodes } from './codes';
import { CODE_TYPE_SELF_SERVICE } from './persister';

export interface RecoveryCodeSenderDeps extends AccountCourierDeps {
  config: Config;
  clock: Clock;
  codes: OneTimeCodes;
  addressPersister: AddressPersister;
  identityPersister: IdentityPersister;
}

/** Returns false for an unknown address (the flow answers the same either way). */
export async function sendRecoveryCode(
  deps: RecoveryCodeSenderDeps,
  flow: StoredFlow,
  via: string,
  to: string,
): Promise<boolean> {
  const address = deps.addressPersister.findRecoveryAddress(via, to);
  const identity = address ? deps.identityPersister.getIdentity(address.identity_id) : undefined;
  if (!address || !identity) {
    if (notifyUnknownRecipients(deps.config, 'recovery') && via === 'email') {
      await sendEmail(deps, 'recovery_code_invalid', {
        To: to,
        RequestURL: flow.request_url,
        TransientPayload: transientPayload(flow),
      });
    }
    return false;
  }
  const { code } = deps.codes.issue({
    kind: 'recovery',
    flowId: flow.id,
    identityId: identity.id,
    address: address.value,
    addressType: address.via,
    addressId: address.id,
    codeType: CODE_TYPE_SELF_SERVICE,
  });
  const common = {
    To: address.value,
    RecoveryCode: code,
    Identity: identityModel(deps, identity),
    RequestURL: flow.request_url,
    TransientPayload: transientPayload(flow),
    ExpiresInMinutes: expiresInMinutes(deps.codes.lifespanMs('recovery')),
  };
  if (address.via === 'sms') {
    await sendSms(deps, 'recovery_code_valid', {
      ...common,
      RequestURLDomain: requestUrlDomain(flow.request_url),
    });
  } else {
    await sendEmail(deps, 'recovery_code_valid', common);
  }
  return true;
}
