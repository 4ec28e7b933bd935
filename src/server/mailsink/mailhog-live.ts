// MailHog's live feeds: /api/v1/events (EventSource) and /api/v2/websocket. Each new message is formatted
// once and written to every client. The EventSource framing follows MailHog's (goose) exactly: one
// `data: ` line per line of the indented message JSON, and every minute a `keepalive: ` field that
// EventSource ignores but that detects dead connections.
import type { MailSinkEvent } from './events';
import { goJson } from './go-format';
import { mailhogMessage } from './mailhog-format';
import type { MailSinkManager } from './manager';
import type { SseChannel, SseStreams } from './sse';
import type { WebSockets } from './websocket';

export class MailHogLive {
  private readonly clients = new Set<SseChannel>();
  private readonly unsubscribe: () => void;
  private readonly keepalive: NodeJS.Timeout;

  constructor(
    private readonly manager: MailSinkManager,
    private readonly sse: SseStreams,
    readonly websockets: WebSockets,
    keepaliveMs: number,
  ) {
    this.unsubscribe = manager.events.subscribe((e) => this.onEvent(e));
    this.keepalive = setInterval(() => {
      for (const c of this.clients) c.write('keepalive: \n\n');
    }, keepaliveMs);
    this.keepalive.unref();
  }

  eventsResponse(signal: AbortSignal, headers: Record<string, string>): Response {
    return this.sse.response(
      signal,
      (channel) => {
        this.clients.add(channel);
        return () => this.clients.delete(channel);
      },
      headers,
    );
  }

  close(): void {
    clearInterval(this.keepalive);
    this.unsubscribe();
    this.websockets.closeAll();
  }

  private onEvent(event: MailSinkEvent): void {
    if (event.type !== 'message.created') return;
    if (this.clients.size === 0 && this.websockets.size === 0) return;
    const rec = this.manager.store.findMail(event.data.id, { withRaw: true });
    if (!rec?.raw) return;
    const message = mailhogMessage({ ...rec, raw: rec.raw });
    if (this.clients.size > 0) {
      const lines = goJson(message, 2)
        .split('\n')
        .map((l) => `data: ${l}\n`)
        .join('');
      for (const c of this.clients) c.write(`${lines}\n`);
    }
    // gorilla's WriteJSON encodes with a trailing newline.
    if (this.websockets.size > 0) this.websockets.broadcast(`${goJson(message)}\n`);
  }
}
