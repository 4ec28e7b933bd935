// The passkey and webauthn strategies for each flow, in Kratos's order (driver/registry_default.go lists
// passkey before webauthn), built from one set of dependencies for the registry.
import type { Config } from '../../../config/config';
import { countFirstFactor, type CredentialsCounter, defaultCounters } from '../../../identity/counter';
import type { IdentityManager } from '../../../identity/manager';
import type { IdentityPersister } from '../../../identity/persister';
import type { Logger } from '../../../logger';
import type { IdentitySchemaRegistry } from '../../../schema/registry';
import { methodEnabled } from '../../flow/config';
import type { FlowService } from '../../flow/service';
import type { LoginStrategy, RegistrationStrategy, SettingsStrategy } from '../../flow/strategy';
import { passkeyLoginStrategy } from '../passkey/login';
import { passkeyRegistrationStrategy } from '../passkey/registration';
import { passkeySettingsStrategy } from '../passkey/settings';
import { webAuthnLoginStrategy } from './login';
import { webAuthnRegistrationStrategy } from './registration';
import { webAuthnSettingsStrategy } from './settings';

export interface WebAuthnStrategiesDeps {
  flows: FlowService;
  config: Config;
  logger: Logger;
  schemas: IdentitySchemaRegistry;
  identityPersister: IdentityPersister;
  identityManager: IdentityManager;
  credentialsCounters?: CredentialsCounter[];
}

export function webAuthnStrategies(d: WebAuthnStrategiesDeps): {
  login: LoginStrategy[];
  registration: RegistrationStrategy[];
  settings: SettingsStrategy[];
} {
  const passkey = { ...d, enabled: () => methodEnabled(d.config, 'passkey') };
  const webauthn = { ...d, enabled: () => methodEnabled(d.config, 'webauthn') };
  const counters = d.credentialsCounters ?? defaultCounters;
  const count = {
    countFirstFactor: (i: { credentials: Parameters<typeof countFirstFactor>[1] }) =>
      countFirstFactor(counters, i.credentials),
  };
  return {
    login: [passkeyLoginStrategy(passkey), webAuthnLoginStrategy(webauthn)],
    registration: [passkeyRegistrationStrategy(passkey), webAuthnRegistrationStrategy(webauthn)],
    settings: [
      passkeySettingsStrategy({ ...passkey, ...count }),
      webAuthnSettingsStrategy({ ...webauthn, ...count }),
    ],
  };
}
