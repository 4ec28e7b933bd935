// "Test connection": version, health and whether the credentials are accepted, fetched in parallel, each
// failure explained in words a user can act on.
import type { ConnectionTestResult } from '../../shared/console-api';
import { ConsoleError } from '../errors';
import { callUpstream, type FetchLike, redact } from '../proxy/upstream';
import type { ResolvedConnection } from './registry';

const PROBE_TIMEOUT_MS = 8_000;

type Outcome = { res: Response } | { error: string };

export async function probeConnection(
  conn: ResolvedConnection,
  fetchImpl?: FetchLike,
): Promise<ConnectionTestResult> {
  const started = performance.now();
  const get = async (path: string): Promise<Outcome> => {
    try {
      return {
        res: await callUpstream(
          conn,
          'admin',
          { method: 'GET', path, timeoutMs: PROBE_TIMEOUT_MS },
          fetchImpl,
        ),
      };
    } catch (err) {
      return { error: err instanceof ConsoleError ? err.reason : String(err) };
    }
  };
  const [version, alive, ready, list] = await Promise.all([
    get('/version'),
    get('/health/alive'),
    get('/health/ready'),
    get('/admin/identities?page_size=1'),
  ]);
  const latencyMs = Math.round(performance.now() - started);
  const problems: string[] = [];
  const outcomes = [version, alive, ready, list];
  const reachable = outcomes.some((o) => 'res' in o);
  if (!reachable) {
    problems.push('error' in version ? version.error : 'The admin API did not answer.');
    return {
      ok: false,
      reachable,
      version: null,
      alive: null,
      ready: null,
      authorized: null,
      latencyMs,
      problems,
    };
  }

  let versionText: string | null = null;
  if ('res' in version && version.res.ok) {
    const body = (await version.res.json().catch(() => null)) as { version?: unknown } | null;
    if (typeof body?.version === 'string') versionText = body.version;
  }
  if (versionText === null)
    problems.push('GET /version did not return a Kratos version: is this a Kratos admin URL?');

  const health = (o: Outcome): boolean | null =>
    'res' in o && (o.res.ok || o.res.status === 503) ? o.res.ok : null;

  let authorized: boolean | null = null;
  if ('res' in list) {
    const status = list.res.status;
    if (list.res.ok) authorized = true;
    else if (status === 401 || status === 403) {
      authorized = false;
      problems.push(
        conn.apiKey
          ? `The admin API refused the API key (${status}).`
          : `The admin API needs an API key or bearer token (${status}).`,
      );
    } else {
      const text = redact(await list.res.text().catch(() => ''), conn.apiKey);
      problems.push(`Listing identities answered ${status}${text ? `: ${text.slice(0, 200)}` : ''}.`);
    }
  }
  const ok = versionText !== null && authorized === true;
  return {
    ok,
    reachable,
    version: versionText,
    alive: health(alive),
    ready: health(ready),
    authorized,
    latencyMs,
    problems,
  };
}
