// Sending login and registration codes (selfservice/strategy/code/code_sender.go SendCode): a separate
// code per address, so the address a code was used for is known, each queued on the courier with the
// `login_code_valid` / `registration_code_valid` template of its channel.
import type { Config } from '../../../config/config';
import type { Courier } from '../../../courier';
import type { Identity } from '../../../identity/model';
import type { StoredFlow } from '../../flow/model';
import type { Address } from './addresses';
import type { OneTimeCodes } from './codes';
import { allowedRequestHeaders, codeMethodSettings } from './config';

export interface CodeSenderDeps {
  config: Config;
  courier: Courier;
  codes: OneTimeCodes;
  /** The identity as templates see it (public JSON, like Kratos's json.Marshal of the identity). */
  identityJson(identity: Identity): Record<string, unknown>;
}

type JsonObject = Record<string, unknown>;

export class CodeSender {
  constructor(private readonly deps: CodeSenderDeps) {}

  /** Issues and queues one login code per address; earlier codes of the flow must be discarded first. */
  async sendLoginCodes(
    flow: StoredFlow,
    identity: Identity,
    addresses: Address[],
    headers: Headers,
  ): Promise<void> {
    const common = this.common(flow, headers);
    for (const address of addresses) {
      const { code } = this.deps.codes.issue({
        kind: 'login',
        flowId: flow.id,
        identityId: identity.id,
        address: address.to,
        addressType: address.via,
      });
      const model = {
        ...common.model,
        To: address.to,
        LoginCode: code,
        Identity: this.deps.identityJson(identity),
      };
      if (address.via === 'sms') {
        await this.deps.courier.queueSms({
          templateType: 'login_code_valid',
          model: { ...model, RequestURLDomain: common.domain },
          requestHeaders: common.headers,
        });
      } else {
        await this.deps.courier.queueEmail({
          templateType: 'login_code_valid',
          model,
          requestHeaders: common.headers,
        });
      }
    }
  }

  /** Issues and queues one registration code per address of the identity being registered. */
  async sendRegistrationCodes(
    flow: StoredFlow,
    traits: unknown,
    addresses: Address[],
    headers: Headers,
  ): Promise<void> {
    const common = this.common(flow, headers);
    const traitsModel = isObject(traits) ? traits : null;
    for (const address of addresses) {
      const { code } = this.deps.codes.issue({
        kind: 'registration',
        flowId: flow.id,
        address: address.to,
        addressType: address.via,
      });
      if (address.via === 'sms') {
        await this.deps.courier.queueSms({
          templateType: 'registration_code_valid',
          // Kratos's SMS model calls the traits `Identity`.
          model: {
            ...common.model,
            To: address.to,
            RegistrationCode: code,
            Identity: traitsModel,
            RequestURLDomain: common.domain,
          },
          requestHeaders: common.headers,
        });
      } else {
        await this.deps.courier.queueEmail({
          templateType: 'registration_code_valid',
          model: { ...common.model, To: address.to, RegistrationCode: code, Traits: traitsModel },
          requestHeaders: common.headers,
        });
      }
    }
  }

  private common(flow: StoredFlow, headers: Headers) {
    const lifespanMinutes = Math.trunc(codeMethodSettings(this.deps.config).lifespanMs / 60_000);
    return {
      model: {
        RequestURL: flow.request_url,
        TransientPayload: flow.transient_payload ?? {},
        ExpiresInMinutes: BigInt(lifespanMinutes),
      },
      domain: hostnameOf(flow.request_url),
      headers: allowedRequestHeaders(this.deps.config, headers),
    };
  }
}

function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');
  } catch {
    return '';
  }
}

const isObject = (v: unknown): v is JsonObject => v !== null && typeof v === 'object' && !Array.isArray(v);
