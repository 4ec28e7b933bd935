// Login with one-time codes (selfservice/strategy/code/strategy_login.go, strategy.go PopulateMethod):
// passwordless (identifier → code to the identity's code addresses → session with AMR `code`), codes as a
// second factor (one "Send code to" button per address, or Kratos's fast login that sends the code when a
// single-address aal2 flow is created) and refresh logins.
import type { Context } from 'hono';
import type { Config } from '../../../config/config';
import type { CredentialsCounter } from '../../../identity/counter';
import type { Identity } from '../../../identity/model';
import { gracefulNormalization } from '../../../identity/normalize';
import type { IdentityPersister } from '../../../identity/persister';
import type { IdentitySchemaRegistry } from '../../../schema/registry';
import type { CurrentSession } from '../../../session/manager';
import {
  loginCodeInvalidOrAlreadyUsed,
  loginCodeSent,
  loginCodeSentForAuthenticatedUser,
  loginNoStrategyFound,
} from '../../../text/login';
import { appendNode, setNodeValue, upsertNode } from '../../../ui/container';
import { inputNode } from '../../../ui/nodes';
import { methodEnabled } from '../../flow/config';
import { methodDisabled } from '../../flow/errors';
import { identifierLabel } from '../../flow/login/identifier-label';
import type { StoredFlow } from '../../flow/model';
import type { FlowService } from '../../flow/service';
import { type LoginStrategy, NOT_RESPONSIBLE, type SubmitContext } from '../../flow/strategy';
import { requiredFields, uiError } from '../../flow/ui-error';
import {
  type Address,
  findCodeAddresses,
  findIdentityForIdentifier,
  type IdentityForIdentifier,
  markAddressVerified,
  maybeLowerEmail,
  noCodeCredentials,
} from './addresses';
import { type LoginCodeBody, readLoginBody, stringField } from './body';
import { codeNotFound, isCodeError, type OneTimeCodes } from './codes';
import { codeMethodSettings } from './config';
import { codeCredentialsCounter } from './counter';
import { addressButton, identifierInput, loginSubmit, showCodeForm } from './nodes';
import type { CodeSender } from './send';

export interface CodeLoginDeps {
  flows: FlowService;
  config: Config;
  identityPersister: IdentityPersister;
  schemas: IdentitySchemaRegistry;
  codes: OneTimeCodes;
  sender: CodeSender;
  /** Every method's counter; fast login steps aside when another second factor is set up. */
  credentialsCounters(): CredentialsCounter[];
}

type Session = CurrentSession | undefined;

export function codeLoginStrategy(deps: CodeLoginDeps): LoginStrategy {
  const { flows } = deps;
  const settings = (): ReturnType<typeof codeMethodSettings> => codeMethodSettings(deps.config);
  const isAal2 = (flow: StoredFlow): boolean => (flow.requested_aal ?? 'aal1') === 'aal2';
  const viaOf = (flow: StoredFlow): string => {
    try {
      return new URL(flow.request_url).searchParams.get('via') ?? '';
    } catch {
      return '';
    }
  };
  /** Sessions carry their identity without credentials; code addresses live on the credential. */
  const withCredentials = (session: CurrentSession): Identity => {
    const stored = deps.identityPersister.getIdentity(session.identity.id);
    if (!stored) throw noCodeCredentials();
    return stored;
  };
  const appendAddressButtons = (flow: StoredFlow, identity: Identity, via: string): void => {
    for (const a of findCodeAddresses(identity, via, settings().fallbackEnabled)) {
      appendNode(flow.ui, addressButton(a));
    }
  };

  return {
    id: 'code',
    group: 'code',

    populateLogin(flow, { refresh }) {
      const s = settings();
      if (!s.passwordlessEnabled) return;
      if (refresh && s.refreshChooseAddress) {
        // The session fixes the identity: offer its addresses instead of asking for an identifier.
        appendAddressButtons(flow, withCredentials(refresh), '');
        return;
      }
      upsertNode(
        flow.ui,
        identifierInput(identifierLabel(deps.schemas.find(flow.identity_schema ?? '')?.json ?? {})),
      );
      appendNode(flow.ui, loginSubmit());
    },

    populateLoginSecondFactor(flow, { session }) {
      const s = settings();
      if (!s.enabled || !s.mfaEnabled) return;
      appendAddressButtons(flow, withCredentials(session), viaOf(flow));
    },

    async fastLogin({ c, flow, session }) {
      const s = settings();
      if (!isAal2(flow) || !s.enabled || !s.mfaEnabled || flow.state !== 'choose_method')
        return NOT_RESPONSIBLE;
      const identity = withCredentials(session);
      const addresses = findCodeAddresses(identity, viaOf(flow), s.fallbackEnabled);
      if (addresses.length !== 1) return NOT_RESPONSIBLE;
      const identifier = (addresses[0] as Address).to;
      const found = resolve(flow, identifier, session);
      const own = codeCredentialsCounter(deps.config).countMultiFactor(identity.credentials);
      if (own === 0 && !s.fallbackEnabled) return NOT_RESPONSIBLE;
      // Only enabled methods take part, as Kratos loops over its enabled login strategies.
      const others = deps
        .credentialsCounters()
        .filter((k) => k.type !== 'code' && methodEnabled(deps.config, k.type))
        .some((k) => k.countMultiFactor(identity.credentials) > 0);
      if (others) return NOT_RESPONSIBLE;
      return sendCodes(c, flow, found, identifier, 200);
    },

    async login({ c, flow, body, json, session }: SubmitContext & { session?: CurrentSession }) {
      const s = settings();
      if (s.passwordlessEnabled ? isAal2(flow) : !s.mfaEnabled || !isAal2(flow)) return NOT_RESPONSIBLE;
      if (body.method !== 'code') {
        // Address buttons post `address` without `method`: second factors, and refresh logins when the
        // address picker is on.
        const refreshPicker = flow.refresh === true && s.passwordlessEnabled && s.refreshChooseAddress;
        if (!s.mfaEnabled && !refreshPicker) return NOT_RESPONSIBLE;
        if (typeof body.address !== 'string' || body.address === '') return NOT_RESPONSIBLE;
      } else if (!s.enabled) {
        throw methodDisabled();
      }

      let p: LoginCodeBody;
      try {
        p = readLoginBody(body);
      } catch (err) {
        throw keepIdentifier(flow, stringField(body.address) || stringField(body.identifier), err, false);
      }
      if (p.transient_payload) flow.transient_payload = p.transient_payload;
      else delete flow.transient_payload;
      try {
        flows.ensureCsrf(c, flow, p.csrf_token, json);
      } catch (err) {
        throw keepIdentifier(flow, p.address || p.identifier, err, false);
      }

      // Resending starts over from the identifier, which the code form keeps in a hidden input.
      if (p.resend.toLowerCase() === 'code') flow.state = 'choose_method';
      switch (flow.state) {
        case 'choose_method':
          try {
            const identifier = maybeLowerEmail(p.identifier || p.address);
            return await sendCodes(c, flow, resolve(flow, identifier, session), identifier, 400);
          } catch (err) {
            throw keepIdentifier(flow, p.address || p.identifier, err, false);
          }
        case 'sent_email':
          try {
            return verifyCode(flow, p, session);
          } catch (err) {
            throw keepIdentifier(flow, p.address || p.identifier, err, true);
          }
        default:
          throw keepIdentifier(flow, p.address || p.identifier, uiError(loginNoStrategyFound()), false);
      }
    },

    authenticationMethod: () => ({ method: 'code', aal: settings().mfaEnabled ? 'aal2' : 'aal1' }),
  };

  /**
   * The identity a submitted identifier belongs to. Refresh logins are bound to the session's identity
   * (Kratos checks that too); second factors as well, so a foreign address never receives a code.
   */
  function resolve(flow: StoredFlow, identifier: string, session: Session): IdentityForIdentifier {
    const sessionIdentity = isAal2(flow) && session ? withCredentials(session) : undefined;
    const found = findIdentityForIdentifier(deps, identifier, {
      fallbackEnabled: settings().fallbackEnabled,
      ...(sessionIdentity ? { sessionIdentity } : {}),
    });
    const bound = flow.refresh || isAal2(flow) ? session : undefined;
    if (bound && found.identity.id !== bound.identity.id) throw noCodeCredentials();
    return found;
  }

  /** loginSendCode: new codes replace the flow's earlier ones; the flow shows the code form. */
  async function sendCodes(
    c: Context,
    flow: StoredFlow,
    found: IdentityForIdentifier,
    identifier: string,
    jsonStatus: 200 | 400,
  ): Promise<Response> {
    const normalized = gracefulNormalization(identifier);
    const typed = found.addresses.find((a) => a.to === normalized);
    deps.codes.deleteCodes('login', flow.id);
    await deps.sender.sendLoginCodes(
      flow,
      found.identity,
      typed ? [typed] : found.addresses,
      c.req.raw.headers,
    );
    flow.state = 'sent_email';
    showCodeForm(flow, {
      message: flow.refresh || isAal2(flow) ? loginCodeSentForAuthenticatedUser() : loginCodeSent(),
      ...(flow.type === 'browser' ? { csrfToken: flows.csrfToken(c) } : {}),
    });
    setNodeValue(flow.ui, 'identifier', identifier);
    flow.active = 'code';
    flows.save(flow);
    if (flows.isJson(c)) return flows.json(c, flow, jsonStatus);
    return c.redirect(flows.uiLocation(flow), 303);
  }

  /** loginVerifyCode: the code must belong to this flow and identity; its address becomes verified. */
  function verifyCode(flow: StoredFlow, p: LoginCodeBody, session: Session): Identity {
    if (p.code === '') throw requiredFields(['code']);
    const identifier = maybeLowerEmail(p.address || p.identifier);
    const identity =
      isAal2(flow) && session ? withCredentials(session) : resolve(flow, identifier, session).identity;
    let used;
    try {
      used = deps.codes.use('login', flow.id, p.code, { identityId: identity.id });
    } catch (err) {
      if (isCodeError(err, codeNotFound)) throw uiError(loginCodeInvalidOrAlreadyUsed());
      throw err;
    }
    const fresh = deps.identityPersister.getIdentity(used.identity_id ?? identity.id);
    if (!fresh) throw noCodeCredentials();
    flow.active = 'code';
    const via = used.address_type === 'sms' ? 'sms' : 'email';
    if (markAddressVerified(fresh, { to: used.address ?? '', via }, flows.now().toISOString())) {
      deps.identityPersister.updateIdentity(fresh);
    }
    return fresh;
  }
}

/** HandleLoginError: the identifier stays in the form (hidden once the code form is shown). */
function keepIdentifier(flow: StoredFlow, identifier: string, err: unknown, hide: boolean): unknown {
  if (hide) upsertNode(flow.ui, inputNode('default', 'identifier', { type: 'hidden', value: identifier }));
  setNodeValue(flow.ui, 'identifier', identifier);
  return err;
}
