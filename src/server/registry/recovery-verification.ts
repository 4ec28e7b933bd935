// Composition of account recovery and address verification: their flows, the code and link methods in
// Kratos's order, the admin recovery endpoints and the verification hooks other flows run.
import type { Clock } from '../clock';
import type { Config } from '../config/config';
import type { Courier } from '../courier';
import type { Csrf } from '../http/csrf';
import type { IdentityPersister } from '../identity/persister';
import type { Logger } from '../logger';
import { SqliteAddressPersister } from '../persistence/sqlite/address';
import type { SqliteDatabase } from '../persistence/sqlite/database';
import type { SettingsFlowCreator } from '../selfservice/flow/recovery/complete';
import { recoveryHandlers } from '../selfservice/flow/recovery/handler';
import { RecoveryFlowManager } from '../selfservice/flow/recovery/manager';
import type { RecoveryStrategy } from '../selfservice/flow/recovery/strategy';
import type { FlowService } from '../selfservice/flow/service';
import { verificationHandlers } from '../selfservice/flow/verification/handler';
import { VerificationFlowManager } from '../selfservice/flow/verification/manager';
import type { VerificationStrategy } from '../selfservice/flow/verification/strategy';
import type { PostRecoveryHook } from '../selfservice/hook/hook';
import { requireVerifiedAddressHook } from '../selfservice/hook/require-verified-address';
import { showVerificationUiHook } from '../selfservice/hook/show-verification-ui';
import { verificationHook } from '../selfservice/hook/verification';
import type { OneTimeCodes } from '../selfservice/strategy/code/codes';
import { codeRecoveryStrategy } from '../selfservice/strategy/code/recovery';
import { adminRecoveryCodeHandler } from '../selfservice/strategy/code/recovery-admin';
import { codeVerificationStrategy } from '../selfservice/strategy/code/verification';
import { linkRecoveryStrategy } from '../selfservice/strategy/link/recovery';
import { adminRecoveryLinkHandler } from '../selfservice/strategy/link/recovery-admin';
import { linkVerificationStrategy } from '../selfservice/strategy/link/verification';
import type { SessionManager } from '../session/manager';
import type { SessionPersister } from '../session/persister';

export interface RecoveryVerificationDeps {
  config: Config;
  clock: Clock;
  logger: Logger;
  database: SqliteDatabase;
  flows: FlowService;
  csrf: Csrf;
  codes: OneTimeCodes;
  courier: Courier;
  identityPersister: IdentityPersister;
  sessionManager: SessionManager;
  sessionPersister: SessionPersister;
  settingsFlows: SettingsFlowCreator;
  /** Hooks `selfservice.flows.recovery.after.hooks` may name (revoke_active_sessions). */
  postRecoveryHooks: Record<string, PostRecoveryHook>;
  schemaUrl(schemaId: string): string;
}

export function buildRecoveryAndVerification(d: RecoveryVerificationDeps) {
  const addressPersister = new SqliteAddressPersister(d.database);
  const shared = {
    config: d.config,
    clock: d.clock,
    logger: d.logger,
    flows: d.flows,
    csrf: d.csrf,
    codes: d.codes,
    courier: d.courier,
    identityPersister: d.identityPersister,
    sessionManager: d.sessionManager,
    settingsFlows: d.settingsFlows,
    postRecoveryHooks: d.postRecoveryHooks,
    addressPersister,
    schemaUrl: d.schemaUrl,
    recoveryFlows: () => recoveryFlows,
    verificationFlows: () => verificationFlows,
  };

  const recoveryStrategies: RecoveryStrategy[] = [codeRecoveryStrategy(shared), linkRecoveryStrategy(shared)];
  const verificationStrategies: VerificationStrategy[] = [
    codeVerificationStrategy(shared),
    linkVerificationStrategy(shared),
  ];
  const recoveryFlows = new RecoveryFlowManager({
    flows: d.flows,
    recoveryStrategies: () => recoveryStrategies,
  });
  const verificationFlows = new VerificationFlowManager({
    flows: d.flows,
    verificationStrategies: () => verificationStrategies,
  });
  const admin = {
    ...shared,
    recoveryStrategy: (id: 'code' | 'link'): RecoveryStrategy =>
      recoveryStrategies.find((s) => s.id === id) as RecoveryStrategy,
  };

  return {
    addressPersister,
    recoveryFlows,
    verificationFlows,
    hooks: {
      verification: verificationHook(shared),
      show_verification_ui: showVerificationUiHook(shared),
      require_verified_address: requireVerifiedAddressHook({
        ...shared,
        sessionPersister: d.sessionPersister,
      }),
    },
    handlers: {
      recovery: recoveryHandlers({ ...shared, recoveryFlows }),
      verification: verificationHandlers({ ...shared, verificationFlows }),
      adminRecovery: {
        createLink: adminRecoveryLinkHandler(admin),
        createCode: adminRecoveryCodeHandler(admin),
      },
    },
  };
}

export type RecoveryAndVerification = ReturnType<typeof buildRecoveryAndVerification>;
