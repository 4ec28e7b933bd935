// Sending verification codes (selfservice/strategy/code/code_sender.go SendVerificationCode,
// SendVerificationCodeTo): a six-digit code per flow and address, by email (with a link that fills the
// code in) or by SMS for phone numbers; unknown addresses get nothing unless
// `notify_unknown_recipients` is on (then the `verification_code_invalid` email).
import type { Clock } from '../../../clock';
import type { Config } from '../../../config/config';
import type { Identity } from '../../../identity/model';
import type { IdentityPersister } from '../../../identity/persister';
import {
  type AccountCourierDeps,
  identityModel,
  requestUrlDomain,
  sendEmail,
  sendSms,
  transientPayload,
} from '../../flow/recovery/courier';
import { courierBaseUrl, expiresInMinutes, notifyUnknownRecipients } from '../../flow/recovery/config';
import type { StoredFlow } from '../../flow/model';
import type { AddressPersister, OwnedVerifiableAddress } from '../../flow/verification/addresses';
import type { OneTimeCodes } from './codes';

export interface VerificationCodeSenderDeps extends AccountCourierDeps {
  config: Config;
  clock: Clock;
  codes: OneTimeCodes;
  addressPersister: AddressPersister;
  identityPersister: IdentityPersister;
}

/** hackyInferChannel: anything with an "@" is an email address, everything else a phone number. */
export function inferChannel(address: string): 'email' | 'sms' {
  return address.includes('@') ? 'email' : 'sms';
}

/** Sends a code to `to` if it is a known verifiable address; returns false for an unknown one. */
export async function sendVerificationCode(
  deps: VerificationCodeSenderDeps,
  flow: StoredFlow,
  via: string,
  to: string,
): Promise<boolean> {
  const address = deps.addressPersister.findVerifiableAddress(via, to);
  if (!address) {
    if (notifyUnknownRecipients(deps.config, 'verification') && via === 'email') {
      await sendEmail(deps, 'verification_code_invalid', {
        To: to,
        RequestURL: flow.request_url,
        TransientPayload: transientPayload(flow),
      });
    }
    return false;
  }
  const identity = deps.identityPersister.getIdentity(address.identity_id);
  if (!identity) return false;
  await issueAndSendVerificationCode(deps, flow, identity, address);
  deps.addressPersister.updateVerifiableAddress({
    ...address,
    status: 'sent',
    updated_at: deps.clock.now().toISOString(),
  });
  return true;
}

/** Strategy.SendVerificationCode: a new code for the address, sent on the address's channel. */
export async function issueAndSendVerificationCode(
  deps: VerificationCodeSenderDeps,
  flow: StoredFlow,
  identity: Identity,
  address: OwnedVerifiableAddress,
): Promise<void> {
  const { code } = deps.codes.issue({
    kind: 'verification',
    flowId: flow.id,
    identityId: identity.id,
    address: address.value,
    addressType: address.via,
    addressId: address.id,
  });
  const expires = expiresInMinutes(deps.codes.lifespanMs('verification'));
  const common = {
    To: address.value,
    VerificationCode: code,
    Identity: identityModel(deps, identity),
    RequestURL: flow.request_url,
    TransientPayload: transientPayload(flow),
    ExpiresInMinutes: expires,
  };
  if (address.via === 'sms') {
    await sendSms(deps, 'verification_code_valid', {
      ...common,
      RequestURLDomain: requestUrlDomain(flow.request_url),
    });
    return;
  }
  const link = new URL('self-service/verification', courierBaseUrl(deps.config));
  // Go's url.Values.Encode sorts the keys: code, then flow.
  link.searchParams.set('code', code);
  link.searchParams.set('flow', flow.id);
  await sendEmail(deps, 'verification_code_valid', { ...common, VerificationURL: link.toString() });
}
