// Live events (ARCHITECTURE.md D11): the embedded server's hints that data changed. They carry no data, only
// what changed, so a screen refetches through its normal query and a lost or duplicated event is harmless.
// One stream carries them all: server bus -> console backend `GET /api/events` (SSE) -> the renderer, which
// invalidates the TanStack Query keys each topic names.

export const LIVE_TOPICS = [
  'identity',
  'session',
  'mail',
  'sms',
  'courier',
  'flow',
  'hook',
  'config',
  'schema',
  'clock',
] as const;
export type LiveTopic = (typeof LIVE_TOPICS)[number];

export interface LiveEvent {
  /** Increases by one per event of this server run; the SSE id, so a reconnect resumes after it. */
  id: number;
  topic: LiveTopic;
  /** What happened, e.g. `created`, `updated`, `deleted`, `revoked`, `read`. */
  action: string;
  /** The ids of what changed, when few; absent when many changed at once (refetch everything of the topic). */
  ids?: string[];
  /** RFC 3339 time of the change on the server's clock. */
  at: string;
}

/** Console backend endpoint of the stream (embedded server only). */
export const LIVE_EVENTS_PATH = '/api/events';

/** The SSE event name every live event is sent under. */
export const LIVE_EVENT_NAME = 'live';

export function isLiveEvent(value: unknown): value is LiveEvent {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.id === 'number' &&
    typeof v.topic === 'string' &&
    (LIVE_TOPICS as readonly string[]).includes(v.topic) &&
    typeof v.action === 'string' &&
    typeof v.at === 'string' &&
    (v.ids === undefined || (Array.isArray(v.ids) && v.ids.every((i) => typeof i === 'string')))
  );
}
