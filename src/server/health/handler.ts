// Health and version endpoints (ory/x healthx): on the public API and, prefixed, on the admin API.
import type { Context } from 'hono';

export const ROUTE_ALIVE = '/health/alive';
export const ROUTE_READY = '/health/ready';
export const ROUTE_VERSION = '/version';

/** The Kratos release whose API Gatehouse speaks; clients gate features on it. */
export const KRATOS_VERSION = 'v26.2.0';
export const GATEHOUSE_VERSION = '0.1.0';

export type ReadyCheck = () => void;

export interface HealthHandlerDeps {
  readyChecks: Record<string, ReadyCheck>;
}

export function healthHandlers(
  deps: HealthHandlerDeps,
): Record<'alive' | 'ready' | 'version', (c: Context) => Response> {
  return {
    alive: (c) => c.json({ status: 'ok' }),
    ready(c) {
      const errors: Record<string, string> = {};
      for (const [name, check] of Object.entries(deps.readyChecks)) {
        try {
          check();
        } catch (err) {
          errors[name] = err instanceof Error ? err.message : String(err);
        }
      }
      return Object.keys(errors).length > 0 ? c.json({ errors }, 503) : c.json({ status: 'ok' });
    },
    version(c) {
      c.header('X-Gatehouse-Version', GATEHOUSE_VERSION);
      return c.json({ version: KRATOS_VERSION });
    },
  };
}
