// Sending recovery and verification links (selfservice/strategy/link/sender.go): a 32-character token per
// flow and address, stored as an HMAC, in a link to `<public>/self-service/{recovery,verification}?flow=
// &token=`. Links go by email only; unknown addresses get nothing unless `notify_unknown_recipients` is on
// (then the `recovery_invalid` / `verification_invalid` email).
import type { Clock } from '../../../clock';
import type { Config } from '../../../config/config';
import type { Identity } from '../../../identity/model';
import type { IdentityPersister } from '../../../identity/persister';
import {
  type AccountCourierDeps,
  identityModel,
  sendEmail,
  transientPayload,
} from '../../flow/recovery/courier';
import { courierBaseUrl, expiresInMinutes, notifyUnknownRecipients } from '../../flow/recovery/config';
import type { StoredFlow } from '../../flow/model';
import type {
  AddressPersister,
  OwnedRecoveryAddress,
  OwnedVerifiableAddress,
} from '../../flow/verification/addresses';
import { CODE_TYPE_SELF_SERVICE } from '../code/persister';
import type { OneTimeCodes } from '../code/codes';

export interface LinkSenderDeps extends AccountCourierDeps {
  config: Config;
  clock: Clock;
  codes: OneTimeCodes;
  addressPersister: AddressPersister;
  identityPersister: IdentityPersister;
}

function linkTo(
  deps: LinkSenderDeps,
  kind: 'recovery' | 'verification',
  flowId: string,
  token: string,
): string {
  const url = new URL(`self-service/${kind}`, courierBaseUrl(deps.config));
  // Go's url.Values.Encode sorts the keys: flow, then token.
  url.searchParams.set('flow', flowId);
  url.searchParams.set('token', token);
  return url.toString();
}

/** SendRecoveryLink: false when the address is unknown. */
export async function sendRecoveryLink(
  deps: LinkSenderDeps,
  flow: StoredFlow,
  via: string,
  to: string,
): Promise<boolean> {
  const address = deps.addressPersister.findRecoveryAddress(via, to);
  const identity = address ? deps.identityPersister.getIdentity(address.identity_id) : undefined;
  if (!address || !identity) {
    if (notifyUnknownRecipients(deps.config, 'recovery')) {
      await sendEmail(deps, 'recovery_invalid', {
        To: to,
        RequestURL: flow.request_url,
        TransientPayload: transientPayload(flow),
      });
    }
    return false;
  }
  await sendRecoveryLinkTo(deps, flow, identity, address);
  return true;
}

async function sendRecoveryLinkTo(
  deps: LinkSenderDeps,
  flow: StoredFlow,
  identity: Identity,
  address: OwnedRecoveryAddress,
): Promise<void> {
  const lifespan = deps.codes.lifespanMs('recovery_link');
  const { code: token } = deps.codes.issue({
    kind: 'recovery_link',
    flowId: flow.id,
    identityId: identity.id,
    address: address.value,
    addressType: address.via,
    addressId: address.id,
    codeType: CODE_TYPE_SELF_SERVICE,
  });
  await sendEmail(deps, 'recovery_valid', {
    To: address.value,
    RecoveryURL: linkTo(deps, 'recovery', flow.id, token),
    Identity: identityModel(deps, identity),
    RequestURL: flow.request_url,
    TransientPayload: transientPayload(flow),
    ExpiresInMinutes: expiresInMinutes(lifespan),
  });
}

/** SendVerificationLink: false when the address is unknown; a sent link marks the address `sent`. */
export async function sendVerificationLink(
  deps: LinkSenderDeps,
  flow: StoredFlow,
  via: string,
  to: string,
): Promise<boolean> {
  const address = deps.addressPersister.findVerifiableAddress(via, to);
  const identity = address ? deps.identityPersister.getIdentity(address.identity_id) : undefined;
  if (!address || !identity) {
    if (notifyUnknownRecipients(deps.config, 'verification')) {
      await sendEmail(deps, 'verification_invalid', {
        To: to,
        RequestURL: flow.request_url,
        TransientPayload: transientPayload(flow),
      });
    }
    return false;
  }
  await sendVerificationLinkTo(deps, flow, identity, address);
  deps.addressPersister.updateVerifiableAddress({
    ...address,
    status: 'sent',
    updated_at: deps.clock.now().toISOString(),
  });
  return true;
}

/** Strategy.SendVerificationCode of the link method: a new token for the address, by email. */
export async function sendVerificationLinkTo(
  deps: LinkSenderDeps,
  flow: StoredFlow,
  identity: Identity,
  address: OwnedVerifiableAddress,
): Promise<void> {
  const lifespan = deps.codes.lifespanMs('verification_link');
  const { code: token } = deps.codes.issue({
    kind: 'verification_link',
    flowId: flow.id,
    identityId: identity.id,
    address: address.value,
    addressType: address.via,
    addressId: address.id,
  });
  // The link method only knows email; Kratos fails for other channels and so does nothing here.
  if (address.via !== 'email') return;
  await sendEmail(deps, 'verification_valid', {
    To: address.value,
    VerificationURL: linkTo(deps, 'verification', flow.id, token),
    Identity: identityModel(deps, identity),
    RequestURL: flow.request_url,
    TransientPayload: transientPayload(flow),
    ExpiresInMinutes: expiresInMinutes(lifespan),
  });
}
