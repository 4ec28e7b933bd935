// The recovery test server's configuration (code recovery, link enabled, settings UI) and the native steps
// the recovery contract tests share.
import type { RecoveryFlow } from '@ory/client';
import type { RawConfig } from '../../src/server/config/config';
import type { TestServer } from './server';

export const APP = 'http://127.0.0.1:4455';
export const PASSWORD = 'correct horse battery staple 42';
export const NEW_PASSWORD = 'an entirely different passphrase 17';

export function recoveryConfig(
  extra: Record<string, unknown> = {},
  flags: Record<string, unknown> = {},
): RawConfig {
  return {
    courier: { smtp: {} },
    feature_flags: flags,
    selfservice: {
      default_browser_return_url: `${APP}/welcome`,
      allowed_return_urls: [`${APP}/`],
      methods: { code: { config: { lifespan: '15m' } }, link: { enabled: true } },
      flows: {
        recovery: { enabled: true, ui_url: `${APP}/recovery`, ...extra },
        settings: { ui_url: `${APP}/settings` },
      },
    },
  };
}

export async function sendNative(s: TestServer, email: string): Promise<RecoveryFlow> {
  const { data: flow } = await s.sdk.frontend.createNativeRecoveryFlow();
  const { data } = await s.sdk.frontend.updateRecoveryFlow({
    flow: flow.id,
    updateRecoveryFlowBody: { method: 'code', email },
  });
  return data;
}

export async function submitCode(s: TestServer, flowId: string, code: string): Promise<RecoveryFlow> {
  const { data } = await s.sdk.frontend.updateRecoveryFlow({
    flow: flowId,
    updateRecoveryFlowBody: { method: 'code', code },
  });
  return data;
}

export async function passwordLogin(s: TestServer, identifier: string, password: string): Promise<number> {
  const { data: flow } = await s.sdk.frontend.createNativeLoginFlow();
  try {
    await s.sdk.frontend.updateLoginFlow({
      flow: flow.id,
      updateLoginFlowBody: { method: 'password', identifier, password },
    });
    return 200;
  } catch (err) {
    return (err as { response: { status: number } }).response.status;
  }
}
