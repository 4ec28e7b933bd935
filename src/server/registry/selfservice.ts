// Composition of the self-service flows: flow machinery, strategies in Kratos's order, hooks, handlers.
import type { Clock } from '../clock';
import type { Config } from '../config/config';
import type { Hasher, HashersConfig } from '../hash/model';
import { Csrf } from '../http/csrf';
import type { IdentityManager } from '../identity/manager';
import type { IdentityPersister } from '../identity/persister';
import type { Logger } from '../logger';
import type { SqliteDatabase } from '../persistence/sqlite/database';
import { SqliteErrorPersister, SqliteFlowPersister } from '../persistence/sqlite/flow';
import type { IdentitySchemaRegistry } from '../schema/registry';
import { ErrorManager } from '../selfservice/errorx/manager';
import { errorHandlers } from '../selfservice/errorx/handler';
import { methodConfig, methodEnabled } from '../selfservice/flow/config';
import { loginHandlers } from '../selfservice/flow/login/handler';
import { LoginFlowManager } from '../selfservice/flow/login/manager';
import { logoutHandlers } from '../selfservice/flow/logout/handler';
import { registrationHandlers } from '../selfservice/flow/registration/handler';
import { RegistrationFlowManager } from '../selfservice/flow/registration/manager';
import { FlowService } from '../selfservice/flow/service';
import type { LoginStrategy, RegistrationStrategy, SettingsStrategy } from '../selfservice/flow/strategy';
import { revokeActiveSessionsHook } from '../selfservice/hook/revoke-active-sessions';
import { startLoginTimingCalibration } from '../selfservice/strategy/password/delay';
import type { FetchLike } from '../selfservice/strategy/password/hibp';
import { passwordLoginStrategy } from '../selfservice/strategy/password/login';
import { createPasswordPolicy, type PasswordPolicyConfig } from '../selfservice/strategy/password/policy';
import { passwordRegistrationStrategy } from '../selfservice/strategy/password/registration';
import { profileRegistrationStrategy } from '../selfservice/strategy/profile/registration';
import { profileSettingsStrategy } from '../selfservice/strategy/profile/settings';
import { passwordSettingsStrategy } from '../selfservice/strategy/password/settings';
import { SettingsFlowManager } from '../selfservice/flow/settings/manager';
import { settingsHandlers } from '../selfservice/flow/settings/handler';
import type { PostSettingsHook } from '../selfservice/hook/hook';
import type { SessionManager } from '../session/manager';
import type { SessionPersister } from '../session/persister';
import type { Courier } from '../courier';
import { SqliteCodePersister } from '../persistence/sqlite/code';
import { OneTimeCodes } from '../selfservice/strategy/code/codes';
import { codeLoginStrategy } from '../selfservice/strategy/code/login';
import { codeRegistrationStrategy } from '../selfservice/strategy/code/registration';
import { CodeSender } from '../selfservice/strategy/code/send';
import type { CredentialsCounter } from '../identity/counter';
import { marshalIdentity } from '../identity/marshal';
import { totpLoginStrategy } from '../selfservice/strategy/totp/login';
import { totpSettingsStrategy } from '../selfservice/strategy/totp/settings';
import { lookupLoginStrategy } from '../selfservice/strategy/lookup/login';
import { lookupSettingsStrategy } from '../selfservice/strategy/lookup/settings';
import { webAuthnStrategies } from '../selfservice/strategy/webauthn/strategies';
import { webAuthnScriptHandler } from '../selfservice/strategy/webauthn/script';
import { buildRecoveryAndVerification } from './recovery-verification';

export interface SelfServiceDeps {
  config: Config;
  clock: Clock;
  logger: Logger;
  database: SqliteDatabase;
  schemas: IdentitySchemaRegistry;
  hasher: Hasher;
  identityPersister: IdentityPersister;
  identityManager: IdentityManager;
  sessionPersister: SessionPersister;
  sessionManager: SessionManager;
  courier: Courier;
  schemaUrl(schemaId: string): string;
  /** Replaces fetch for HaveIBeenPwned (tests; this machine is offline). */
  hibpFetch?: FetchLike;
  /** Every method's available-AAL counter (the code method's fast login looks at the others). */
  credentialsCounters?: CredentialsCounter[];
}

export function buildSelfService(d: SelfServiceDeps) {
  const { config, clock, logger } = d;
  const csrf = new Csrf(config, () => clock.now());
  const flowPersister = new SqliteFlowPersister(d.database);
  const errorPersister = new SqliteErrorPersister(d.database);
  const errorManager = new ErrorManager({ config, clock, logger, errorPersister });
  const flows = new FlowService({ config, clock, logger, csrf, errorManager, flowPersister });
  const codes = new OneTimeCodes({ config, clock, codePersister: new SqliteCodePersister(d.database) });
  const codeSender = new CodeSender({
    config,
    courier: d.courier,
    codes,
    identityJson: (i) => marshalIdentity(i, d.schemaUrl(i.schema_id), { kind: 'public' }),
  });

  const passwordPolicy = createPasswordPolicy(methodConfig<PasswordPolicyConfig>(config, 'password'), {
    ...(d.hibpFetch ? { fetch: d.hibpFetch } : {}),
  });
  const timing = startLoginTimingCalibration(
    config.get<HashersConfig | undefined>('hashers', undefined),
    d.hasher,
  );

  const webAuthn = webAuthnStrategies({
    flows,
    config,
    logger,
    schemas: d.schemas,
    identityPersister: d.identityPersister,
    identityManager: d.identityManager,
    ...(d.credentialsCounters ? { credentialsCounters: d.credentialsCounters } : {}),
  });
  const loginStrategies: LoginStrategy[] = [
    passwordLoginStrategy({
      flows,
      hasher: d.hasher,
      identityPersister: d.identityPersister,
      schemas: d.schemas,
      timing,
      logger,
      enabled: () => methodEnabled(config, 'password'),
    }),
    codeLoginStrategy({
      flows,
      config,
      identityPersister: d.identityPersister,
      schemas: d.schemas,
      codes,
      sender: codeSender,
      credentialsCounters: () => d.credentialsCounters ?? [],
    }),
    totpLoginStrategy({
      flows,
      identityPersister: d.identityPersister,
      enabled: () => methodEnabled(config, 'totp'),
    }),
    ...webAuthn.login,
    lookupLoginStrategy({
      flows,
      identityPersister: d.identityPersister,
      enabled: () => methodEnabled(config, 'lookup_secret'),
    }),
  ];
  const credentialStrategies: RegistrationStrategy[] = [
    passwordRegistrationStrategy({
      flows,
      hasher: d.hasher,
      identityManager: d.identityManager,
      schemas: d.schemas,
      policy: passwordPolicy,
      enabled: () => methodEnabled(config, 'password'),
    }),
    codeRegistrationStrategy({
      flows,
      config,
      identityManager: d.identityManager,
      schemas: d.schemas,
      codes,
      sender: codeSender,
    }),
    ...webAuthn.registration,
  ];
  const registrationStrategies: RegistrationStrategy[] = [
    profileRegistrationStrategy({
      flows,
      schemas: d.schemas,
      identityManager: d.identityManager,
      credentialStrategies: () => credentialStrategies,
    }),
    ...credentialStrategies,
  ];

  // Settings strategies in Kratos's order (driver/registry_default.go): profile, then credentials.
  const settingsStrategies: SettingsStrategy[] = [
    profileSettingsStrategy({
      flows,
      schemas: d.schemas,
      identityManager: d.identityManager,
      enabled: () => methodEnabled(config, 'profile'),
    }),
    passwordSettingsStrategy({
      flows,
      hasher: d.hasher,
      identityManager: d.identityManager,
      policy: passwordPolicy,
      enabled: () => methodEnabled(config, 'password'),
    }),
    totpSettingsStrategy({
      flows,
      config,
      schemas: d.schemas,
      enabled: () => methodEnabled(config, 'totp'),
    }),
    ...webAuthn.settings,
    lookupSettingsStrategy({ flows, enabled: () => methodEnabled(config, 'lookup_secret') }),
  ];
  const settingsFlows = new SettingsFlowManager({
    flows,
    schemas: d.schemas,
    identityPersister: d.identityPersister,
    settingsStrategies: () => settingsStrategies,
  });
  const revokeActiveSessions = revokeActiveSessionsHook({ sessionPersister: d.sessionPersister });
  /** Post-settings hooks by name; the recovery/verification features add `verification`. */
  const postSettingsHooks: Record<string, PostSettingsHook> = {
    revoke_active_sessions: revokeActiveSessions,
  };

  const accounts = buildRecoveryAndVerification({
    config,
    clock,
    logger,
    database: d.database,
    flows,
    csrf,
    codes,
    courier: d.courier,
    identityPersister: d.identityPersister,
    sessionManager: d.sessionManager,
    sessionPersister: d.sessionPersister,
    settingsFlows,
    postRecoveryHooks: { revoke_active_sessions: revokeActiveSessions },
    schemaUrl: d.schemaUrl,
  });
  postSettingsHooks.verification = accounts.hooks.verification;
  postSettingsHooks.show_verification_ui = accounts.hooks.show_verification_ui;

  const loginFlows = new LoginFlowManager({
    flows,
    sessionManager: d.sessionManager,
    schemas: d.schemas,
    loginStrategies,
  });
  const registrationFlows = new RegistrationFlowManager({
    flows,
    sessionManager: d.sessionManager,
    schemas: d.schemas,
    registrationStrategies,
  });
  const common = {
    flows,
    config,
    csrf,
    sessionManager: d.sessionManager,
    schemas: d.schemas,
    schemaUrl: d.schemaUrl,
  };

  return {
    csrf,
    flows,
    codes,
    errorManager,
    passwordPolicy,
    loginFlows,
    registrationFlows,
    settingsFlows,
    settingsStrategies,
    postSettingsHooks,
    recoveryFlows: accounts.recoveryFlows,
    verificationFlows: accounts.verificationFlows,
    handlers: {
      ...accounts.handlers,
      errors: errorHandlers({ clock, errorPersister }),
      webAuthnScript: webAuthnScriptHandler,
      login: loginHandlers({
        ...common,
        loginFlows,
        loginStrategies,
        postLoginHooks: {
          revoke_active_sessions: revokeActiveSessions,
          verification: accounts.hooks.verification,
          show_verification_ui: accounts.hooks.show_verification_ui,
          require_verified_address: accounts.hooks.require_verified_address,
        },
      }),
      registration: registrationHandlers({
        ...common,
        identityManager: d.identityManager,
        registrationFlows,
        registrationStrategies,
        postRegistrationHooks: {
          verification: accounts.hooks.verification,
          show_verification_ui: accounts.hooks.show_verification_ui,
        },
      }),
      settings: settingsHandlers({
        flows,
        config,
        sessionManager: d.sessionManager,
        settingsFlows,
        settingsStrategies: () => settingsStrategies,
        identityManager: d.identityManager,
        postSettingsHooks,
        schemaUrl: d.schemaUrl,
      }),
      logout: logoutHandlers({
        config,
        csrf,
        sessionManager: d.sessionManager,
        sessionPersister: d.sessionPersister,
        errorManager,
        isJson: (c) => flows.isJson(c),
      }),
    },
  };
}

export type SelfService = ReturnType<typeof buildSelfService>;
