// What each live topic makes stale (ARCHITECTURE.md D11). The one table a screen adds its query keys to, so
// every list of the embedded server updates from the one event stream without polling.
import type { QueryKey } from '@tanstack/react-query';
import { EMBEDDED_CONNECTION_ID } from '../../shared/console-api';
import type { LiveEvent, LiveTopic } from '../../shared/live-events';
import { kratosKeys } from './keys';

const cid = EMBEDDED_CONNECTION_ID;

/** The query keys (prefixes) an event invalidates. */
export const liveKeys: Record<LiveTopic, (e: LiveEvent) => QueryKey[]> = {
  identity: (e) => [
    kratosKeys.identities(cid),
    ...(e.ids ? e.ids.map((id) => kratosKeys.identity(cid, id)) : [['kratos', cid, 'identity']]),
    ['overview', cid],
    ['palette-lookup', cid],
  ],
  session: () => [kratosKeys.sessions(cid), ['kratos', cid, 'identity'], ['kratos', cid, 'session']],
  mail: () => [['mail', cid]],
  sms: () => [['mail', cid]],
  courier: () => [['courier', cid]],
  flow: () => [['flows', cid]],
  hook: () => [['hooks', cid]],
  config: () => [['config', cid], ['overview', cid], kratosKeys.schemas(cid)],
  schema: () => [kratosKeys.schemas(cid), ['schemas', cid]],
  clock: () => [['clock', cid]],
};
