// Backup recovery codes in the settings flow (selfservice/strategy/lookup/settings.go). Four buttons drive
// it, each a boolean field: regenerate (new codes shown, kept in the flow until confirmed), confirm (store
// them; counts as an aal2 authentication of the session), reveal (show the stored codes, used ones as
// "used") and disable (remove them). Regenerate and reveal show the flow again without saving anything.
// Every action needs a privileged session, as in Kratos.
import { badRequest } from '../../../errors/errors';
import { registerEmulatedKeys } from '../../../config/emulated';
import type { Identity } from '../../../identity/model';
import { isActiveCredential } from '../../../identity/model';
import { clearMessages, removeNodesByName, upsertNode } from '../../../ui/container';
import { methodDisabled } from '../../flow/errors';
import type { StoredFlow } from '../../flow/model';
import type { FlowService } from '../../flow/service';
import {
  NOT_RESPONSIBLE,
  ReturnToUi,
  type SettingsStrategy,
  type SettingsSubmitContext,
  type SettingsUpdate,
} from '../../flow/strategy';
import {
  codesNode,
  generateLookupCodes,
  LOOKUP_CODE_COUNT,
  type RecoveryCode,
  recoveryCodesOf,
} from './codes';
import {
  ALL_SETTINGS_NODES,
  confirmButton,
  disableButton,
  LOOKUP_CONFIRM,
  LOOKUP_DISABLE,
  LOOKUP_REGENERATE,
  LOOKUP_REVEAL,
  regenerateButton,
  revealButton,
} from './nodes';
import { lookupSettingsPayload } from './schemas';

registerEmulatedKeys(
  'selfservice.methods.lookup_secret.*',
  'selfservice.flows.login.after.lookup_secret.*',
  'selfservice.flows.settings.after.lookup_secret.*',
);

/** Internal-context keys (never serialised): the codes waiting for confirmation, and whether codes are shown. */
const INTERNAL_REGENERATED = 'lookup_secret_regenerated';
const INTERNAL_REVEALED = 'lookup_secret_revealed';

export interface LookupSettingsDeps {
  flows: FlowService;
  enabled(): boolean;
}

export function hasLookup(identity: Identity): boolean {
  const credential = identity.credentials.lookup_secret;
  return credential !== undefined && isActiveCredential(credential);
}

export function lookupSettingsStrategy(deps: LookupSettingsDeps): SettingsStrategy {
  return {
    id: 'lookup_secret',
    group: 'lookup_secret',

    populateSettings(flow: StoredFlow, { identity }: { identity: Identity }) {
      if (hasLookup(identity)) {
        upsertNode(flow.ui, revealButton());
        upsertNode(flow.ui, disableButton());
      } else {
        upsertNode(flow.ui, regenerateButton());
      }
    },

    async settings(ctx: SettingsSubmitContext): Promise<SettingsUpdate | typeof NOT_RESPONSIBLE> {
      const { body, flow } = ctx;
      const invalid = lookupSettingsPayload.validate(body);
      if (invalid) throw invalid;
      const confirm = body[LOOKUP_CONFIRM] === true;
      const reveal = body[LOOKUP_REVEAL] === true;
      const disable = body[LOOKUP_DISABLE] === true;
      const regenerate = body[LOOKUP_REGENERATE] === true;
      // The buttons select this method by themselves; `method` is not looked at.
      if (!confirm && !reveal && !disable && !regenerate) return NOT_RESPONSIBLE;
      if (!deps.enabled()) throw methodDisabled();
      deps.flows.ensureCsrf(ctx.c, flow, body.csrf_token, ctx.json);
      ctx.requirePrivileged();

      if (confirm) return confirmCodes(deps, flow, ctx.identity);
      if (reveal) return revealCodes(flow, ctx.identity);
      if (disable) {
        delete ctx.identity.credentials.lookup_secret;
        flow.internal[INTERNAL_REVEALED] = false;
        delete flow.internal[INTERNAL_REGENERATED];
        return { identity: ctx.identity };
      }
      return showNewCodes(flow);
    },
  };
}

function confirmCodes(deps: LookupSettingsDeps, flow: StoredFlow, identity: Identity): SettingsUpdate {
  const pending = flow.internal[INTERNAL_REGENERATED];
  const codes = Array.isArray(pending) ? (pending as RecoveryCode[]) : [];
  if (codes.length !== LOOKUP_CODE_COUNT) {
    throw badRequest('You must (re-)generate recovery backup codes before you can save them.');
  }
  const now = deps.flows.now().toISOString();
  identity.credentials.lookup_secret = {
    type: 'lookup_secret',
    identifiers: [identity.id],
    // Plain text, as Kratos stores them: "reveal" shows them again.
    config: { recovery_codes: codes.map((c) => ({ code: c.code })) },
    version: 0,
    created_at: now,
    updated_at: now,
  };
  delete flow.internal[INTERNAL_REGENERATED];
  return { identity, sessionMethods: [{ method: 'lookup_secret', aal: 'aal2' }] };
}

function revealCodes(flow: StoredFlow, identity: Identity): never {
  if (!hasLookup(identity)) throw badRequest('Can not reveal lookup codes because you have none.');
  removeNodesByName(flow.ui, ALL_SETTINGS_NODES);
  upsertNode(flow.ui, codesNode(recoveryCodesOf(identity.credentials.lookup_secret)));
  upsertNode(flow.ui, disableButton());
  upsertNode(flow.ui, regenerateButton());
  flow.internal[INTERNAL_REVEALED] = true;
  // handleSettingsError runs for "return to UI" too: earlier messages (e.g. 1050001) go away.
  clearMessages(flow.ui);
  throw new ReturnToUi();
}

function showNewCodes(flow: StoredFlow): never {
  const codes = generateLookupCodes();
  removeNodesByName(flow.ui, ALL_SETTINGS_NODES);
  upsertNode(flow.ui, codesNode(codes));
  upsertNode(flow.ui, confirmButton());
  flow.internal[INTERNAL_REGENERATED] = codes;
  clearMessages(flow.ui);
  throw new ReturnToUi();
}
