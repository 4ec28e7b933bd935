// `GET /api/events`: the embedded server's live events as server-sent events (ARCHITECTURE.md D11). One
// stream serves every screen; a reconnecting EventSource resumes after Last-Event-ID from the bus's history.
import type { Context } from 'hono';
import { LIVE_EVENT_NAME } from '../shared/live-events';
import type { LiveEventSource } from '../server/events/bus';
import { SseStreams, sseEvent } from '../server/mailsink/sse';
import { ConsoleError } from './errors';

export interface LiveStreamHandler {
  handle(c: Context): Response;
  /** Ends every open stream (the backend is closing). */
  closeAll(): void;
}

export function liveEventsHandler(
  source: LiveEventSource | undefined,
  keepaliveMs = 15_000,
): LiveStreamHandler {
  const streams = new SseStreams();
  return {
    handle(c) {
      if (!source) {
        throw new ConsoleError(404, 'gatehouse_embedded_only', 'Only the embedded server has live events.');
      }
      const afterId = parseAfter(c.req.header('last-event-id') ?? c.req.query('after'));
      return streams.response(c.req.raw.signal, (channel) => {
        // The first comment makes proxies and EventSource see the stream open at once.
        channel.write(': live\n\n');
        const unsubscribe = source.subscribe(
          (e) => channel.write(sseEvent({ id: e.id, event: LIVE_EVENT_NAME, data: JSON.stringify(e) })),
          afterId === undefined ? {} : { afterId },
        );
        const keepalive = setInterval(() => channel.write(': keepalive\n\n'), keepaliveMs);
        keepalive.unref();
        return () => {
          clearInterval(keepalive);
          unsubscribe();
        };
      });
    },
    closeAll: () => streams.closeAll(),
  };
}

function parseAfter(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d{1,15}$/.test(value)) return undefined;
  return Number(value);
}
