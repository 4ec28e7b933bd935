// Two `gatehouse serve` processes: the primary with the console (what the tests drive), and a second one
// standing in for a remote Kratos, behind a proxy that demands a bearer token as Ory Network does.
import { startBearerProxy } from '../console/bearer-proxy';
import { startServe } from './servers';

export const REMOTE_TOKEN = 'ory_pat_e2eRemoteToken0123456789abcdef';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const [primary, remote] = await Promise.all([
    startServe({ console: true, name: 'primary' }),
    startServe({ console: false, name: 'remote' }),
  ]);
  const proxy = await startBearerProxy(remote.adminUrl, REMOTE_TOKEN);
  const env = {
    E2E_CONSOLE_URL: primary.consoleUrl ?? '',
    E2E_LAUNCH_URL: primary.launchUrl ?? '',
    E2E_PUBLIC_URL: primary.publicUrl,
    E2E_ADMIN_URL: primary.adminUrl,
    E2E_REMOTE_PUBLIC_URL: remote.publicUrl,
    E2E_REMOTE_ADMIN_URL: remote.adminUrl,
    E2E_REMOTE_PROXY_URL: proxy.url,
  };
  Object.assign(process.env, env);
  return async () => {
    await proxy.close();
    await Promise.all([primary.stop(), remote.stop()]);
  };
}
