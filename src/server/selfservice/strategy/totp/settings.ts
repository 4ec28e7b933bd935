// Pairing and unpairing an authenticator app in the settings flow (selfservice/strategy/totp/settings.go).
// Without TOTP the form shows a fresh key (QR code and secret) kept in the flow until a code proves the app
// has it; with TOTP it offers unlinking. Both need a privileged session, as in Kratos. A successful pairing
// counts as a completed aal2 authentication of the current session.
import type { Config } from '../../../config/config';
import type { Credentials, Identity } from '../../../identity/model';
import { isActiveCredential } from '../../../identity/model';
import type { IdentitySchemaRegistry } from '../../../schema/registry';
import { totpVerifierWrong } from '../../../text/credentials';
import { appendNode, upsertNode } from '../../../ui/container';
import { badRequest } from '../../../errors/errors';
import { registerEmulatedKeys } from '../../../config/emulated';
import { methodConfig } from '../../flow/config';
import { methodDisabled } from '../../flow/errors';
import type { StoredFlow } from '../../flow/model';
import type { FlowService } from '../../flow/service';
import {
  NOT_RESPONSIBLE,
  type SettingsStrategy,
  type SettingsSubmitContext,
  type SettingsUpdate,
} from '../../flow/strategy';
import { requiredFields, uiError } from '../../flow/ui-error';
import { totpAccountName } from './account-name';
import { newTotpKey, validateTotpCode } from './generator';
import { qrImage, saveSubmit, secretText, unlinkSubmit, verifyCodeInput } from './nodes';
import { qrPngDataUrl } from './qr';
import { totpSettingsPayload } from './schemas';

registerEmulatedKeys(
  'selfservice.methods.totp.*',
  'selfservice.flows.login.after.totp.*',
  'selfservice.flows.settings.after.totp.*',
);

/** Where the key waiting to be confirmed lives in the flow's internal context (never serialised). */
const INTERNAL_KEY_URL = 'totp_url';

export interface TotpSettingsDeps {
  flows: FlowService;
  config: Config;
  schemas: IdentitySchemaRegistry;
  enabled(): boolean;
}

/** `selfservice.methods.totp.config.issuer`, else the public URL's host name (Config.TOTPIssuer). */
export function totpIssuer(config: Config): string {
  const issuer = methodConfig<{ issuer: string }>(config, 'totp').issuer;
  return typeof issuer === 'string' && issuer !== '' ? issuer : config.baseURL('public').hostname;
}

export function hasTotp(identity: Identity): boolean {
  const credential = identity.credentials.totp;
  return credential !== undefined && isActiveCredential(credential);
}

export function totpSettingsStrategy(deps: TotpSettingsDeps): SettingsStrategy {
  return {
    id: 'totp',
    group: 'totp',

    populateSettings(flow: StoredFlow, { identity }: { identity: Identity }) {
      if (hasTotp(identity)) {
        upsertNode(flow.ui, unlinkSubmit());
        return;
      }
      const accountName = totpAccountName(identity, deps.schemas.find(identity.schema_id)?.json);
      const key = newTotpKey(totpIssuer(deps.config), accountName);
      flow.internal[INTERNAL_KEY_URL] = key.url;
      upsertNode(flow.ui, secretText(key.secret));
      upsertNode(flow.ui, qrImage(qrPngDataUrl(key.url)));
      upsertNode(flow.ui, verifyCodeInput());
      appendNode(flow.ui, saveSubmit());
    },

    async settings(ctx: SettingsSubmitContext): Promise<SettingsUpdate | typeof NOT_RESPONSIBLE> {
      const { body, flow } = ctx;
      // Kratos decodes and validates the payload before it looks at the method.
      const invalid = totpSettingsPayload.validate(body);
      if (invalid) throw invalid;
      const unlink = body.totp_unlink === true;
      // The unlink button carries no `method`; it selects this strategy by itself.
      if (!unlink && body.method !== 'totp') return NOT_RESPONSIBLE;
      if (!deps.enabled()) throw methodDisabled();
      if (isObject(body.transient_payload)) flow.transient_payload = body.transient_payload;
      deps.flows.ensureCsrf(ctx.c, flow, body.csrf_token, ctx.json);
      ctx.requirePrivileged();

      const identity = ctx.identity;
      if (hasTotp(identity)) {
        // Set up already: only unlinking changes something; anything else saves the identity unchanged.
        if (unlink) delete identity.credentials.totp;
        return { identity };
      }
      return pair(deps, ctx, identity);
    },
  };
}

function pair(deps: TotpSettingsDeps, ctx: SettingsSubmitContext, identity: Identity): SettingsUpdate {
  const { body, flow } = ctx;
  const keyUrl = flow.internal[INTERNAL_KEY_URL];
  if (typeof keyUrl !== 'string' || keyUrl === '') {
    // Kratos answers 500 here ("code bug"); it happens when TOTP was removed after this flow was shown.
    throw badRequest('This settings flow has no authenticator app key. Please start a new settings flow.');
  }
  const code = typeof body.totp_code === 'string' ? body.totp_code : '';
  if (code === '') throw requiredFields(['totp_code']);
  if (!validateTotpCode(keyUrl, code, deps.flows.now())) throw uiError(totpVerifierWrong(), 'totp_code');

  const now = deps.flows.now().toISOString();
  const credential: Credentials = {
    type: 'totp',
    // The identity id is the identifier: nothing looks TOTP credentials up by anything else.
    identifiers: [identity.id],
    // Stored as Kratos stores it: the key URL in plain text (ciphers do not apply to TOTP).
    config: { totp_url: keyUrl },
    version: 0,
    created_at: now,
    updated_at: now,
  };
  identity.credentials.totp = credential;
  delete flow.internal[INTERNAL_KEY_URL];
  return { identity, sessionMethods: [{ method: 'totp', aal: 'aal2' }] };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);
