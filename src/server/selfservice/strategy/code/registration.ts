// Registration with one-time codes (selfservice/strategy/code/strategy_registration.go): the traits are
// validated and a code goes to every code address they contain; the traits then travel as hidden inputs,
// and the identity is created once a code for one of its addresses comes back with unchanged traits.
import { newSignUpIdentity } from '../../../identity/id';
import type { Context } from 'hono';
import type { Config } from '../../../config/config';
import type { IdentityManager } from '../../../identity/manager';
import type { Identity } from '../../../identity/model';
import type { IdentitySchemaRegistry } from '../../../schema/registry';
import { identifierMissing, traitsMismatch } from '../../../text/credentials';
import {
  registrationCodeInvalidOrAlreadyUsed,
  registrationCodeSent,
  registrationNoStrategyFound,
} from '../../../text/registration';
import { appendNode, findNode, nodeValue, setNodeValue } from '../../../ui/container';
import { flattenJson } from '../../../ui/schema-nodes';
import { registrationOneStep } from '../../flow/config';
import { methodDisabled } from '../../flow/errors';
import type { StoredFlow } from '../../flow/model';
import type { FlowService } from '../../flow/service';
import { NOT_RESPONSIBLE, type RegistrationStrategy, type SubmitContext } from '../../flow/strategy';
import { requiredFields, uiError } from '../../flow/ui-error';
import { type Address, credentialAddresses, markAddressVerified } from './addresses';
import { readRegistrationBody, type RegistrationCodeBody } from './body';
import { codeNotFound, isCodeError, type OneTimeCodes } from './codes';
import { codeMethodSettings } from './config';
import { registrationSubmit, showCodeForm, withoutCodeFormNodes, removeMatching } from './nodes';
import type { CodeSender } from './send';

export interface CodeRegistrationDeps {
  flows: FlowService;
  config: Config;
  identityManager: IdentityManager;
  schemas: IdentitySchemaRegistry;
  codes: OneTimeCodes;
  sender: CodeSender;
}

export function codeRegistrationStrategy(deps: CodeRegistrationDeps): RegistrationStrategy {
  const { flows } = deps;
  const passwordless = (): boolean => codeMethodSettings(deps.config).passwordlessEnabled;

  return {
    id: 'code',
    group: 'code',

    populateRegistration(flow) {
      if (passwordless()) appendNode(flow.ui, registrationSubmit());
    },

    populateRegistrationProfile(flow) {
      if (!passwordless()) return;
      flow.ui.nodes = removeMatching(withoutCodeFormNodes(flow.ui.nodes), registrationSubmit());
    },

    populateRegistrationCredentials(flow) {
      if (!passwordless()) return;
      // Kratos would append a second button when this screen is shown twice in a row; one is enough.
      flow.ui.nodes = removeMatching(withoutCodeFormNodes(flow.ui.nodes), registrationSubmit());
      appendNode(flow.ui, registrationSubmit());
    },

    async register({ c, flow, body, json }: SubmitContext) {
      if (body.method !== 'code') return NOT_RESPONSIBLE;
      // Like Kratos, a submission is served whenever the method is enabled, even without
      // `passwordless_enabled` (which only decides whether the form offers it).
      if (!codeMethodSettings(deps.config).enabled) throw methodDisabled();
      let p: RegistrationCodeBody;
      try {
        p = readRegistrationBody(body);
      } catch (err) {
        throw keepTraits(flow, body.traits, err);
      }
      if (p.transient_payload) flow.transient_payload = p.transient_payload;
      else delete flow.transient_payload;
      try {
        flows.ensureCsrf(c, flow, p.csrf_token, json);
      } catch (err) {
        throw keepTraits(flow, p.traits, err);
      }

      if (p.resend.toLowerCase() === 'code') flow.state = 'choose_method';
      try {
        switch (flow.state) {
          case 'choose_method':
            return await sendCodes(c, flow, p);
          case 'sent_email':
            return verifyCode(flow, p);
          default:
            throw uiError(registrationNoStrategyFound());
        }
      } catch (err) {
        throw keepTraits(flow, p.traits, err);
      }
    },
  };

  /** The identity the traits describe, validated, with its code credential (no identifiers: 4000002). */
  function identityFrom(flow: StoredFlow, traits: unknown): { identity: Identity; addresses: Address[] } {
    const now = flows.now().toISOString();
    const identity = newSignUpIdentity(flow.identity_schema ?? deps.schemas.defaultId, traits, now);
    deps.identityManager.validate(identity);
    const cred = identity.credentials.code;
    if (!cred || cred.identifiers.join('') === '') throw uiError(identifierMissing());
    return { identity, addresses: credentialAddresses(identity) };
  }

  /** registrationSendEmail: one code per address, then the code form (JSON clients get 400 + flow). */
  async function sendCodes(c: Context, flow: StoredFlow, p: RegistrationCodeBody): Promise<Response> {
    if (p.traits === undefined) throw requiredFields(['traits']);
    const { identity, addresses } = identityFrom(flow, p.traits);
    deps.codes.deleteCodes('registration', flow.id);
    await deps.sender.sendRegistrationCodes(flow, identity.traits, addresses, c.req.raw.headers);
    flow.state = 'sent_email';
    showCodeForm(flow, {
      message: registrationCodeSent(),
      backToCredentialSelection: !registrationOneStep(deps.config),
      ...(flow.type === 'browser' ? { csrfToken: flows.csrfToken(c) } : {}),
    });
    setTraitValues(flow, identity.traits);
    flow.active = 'code';
    flows.save(flow);
    if (flows.isJson(c)) return flows.json(c, flow, 400);
    return c.redirect(flows.uiLocation(flow), 303);
  }

  /** registrationVerifyCode: same traits as when the code was sent, and a code for one of their addresses. */
  function verifyCode(flow: StoredFlow, p: RegistrationCodeBody): Identity {
    if (p.code === '') throw requiredFields(['code']);
    if (p.traits === undefined) throw requiredFields(['traits']);
    const { identity } = identityFrom(flow, p.traits);
    for (const [key, value] of flattenJson(p.traits)) {
      const node = findNode(flow.ui.nodes, `traits.${key}`);
      if (node && JSON.stringify(nodeValue(node) ?? null) !== JSON.stringify(value ?? null)) {
        throw uiError(traitsMismatch());
      }
    }
    let used;
    try {
      used = deps.codes.use('registration', flow.id, p.code);
    } catch (err) {
      if (isCodeError(err, codeNotFound)) throw uiError(registrationCodeInvalidOrAlreadyUsed());
      throw err;
    }
    // The code must have gone to an address of these traits (a code for other traits does not count).
    const identifiers = identity.credentials.code?.identifiers ?? [];
    if (!used.address || !identifiers.includes(used.address))
      throw uiError(registrationCodeInvalidOrAlreadyUsed());
    const via = used.address_type === 'sms' ? 'sms' : 'email';
    markAddressVerified(identity, { to: used.address, via }, flows.now().toISOString());
    flow.active = 'code';
    return identity;
  }
}

/** Sets the trait inputs' values without adding nodes (Nodes.SetValueAttribute per trait). */
function setTraitValues(flow: StoredFlow, traits: unknown): void {
  for (const [key, value] of flattenJson(traits)) setNodeValue(flow.ui, `traits.${key}`, value);
}

/** HandleRegistrationError: what was typed stays in the trait inputs. */
function keepTraits(flow: StoredFlow, traits: unknown, err: unknown): unknown {
  if (traits !== null && typeof traits === 'object') setTraitValues(flow, traits);
  return err;
}
