// Server-sent event responses: a streamed text/event-stream body that writes what it is given as soon as it
// is given, runs a cleanup when the client goes away, and can be ended when the sink closes.

export interface SseChannel {
  /** Writes raw event-stream text; false once the stream is closed. */
  write(text: string): boolean;
  close(): void;
}

export interface SseRegistry {
  /** Ends every open stream (the sink is shutting down). */
  closeAll(): void;
}

export class SseStreams implements SseRegistry {
  private readonly open = new Set<SseChannel>();

  /**
   * A streaming response; `start` receives the channel and returns the cleanup to run when the stream ends
   * for any reason (client gone, sink closed).
   */
  response(
    signal: AbortSignal,
    start: (channel: SseChannel) => () => void,
    headers: Record<string, string> = {},
  ): Response {
    const encoder = new TextEncoder();
    let cleanup: (() => void) | undefined;
    let closed = false;
    let controllerRef: ReadableStreamDefaultController<Uint8Array> | undefined;
    const channel: SseChannel = {
      write: (text) => {
        if (closed || !controllerRef) return false;
        try {
          controllerRef.enqueue(encoder.encode(text));
          return true;
        } catch {
          finish();
          return false;
        }
      },
      close: () => {
        if (closed) return;
        try {
          controllerRef?.close();
        } catch {
          // already closed by the runtime
        }
        finish();
      },
    };
    const finish = (): void => {
      if (closed) return;
      closed = true;
      this.open.delete(channel);
      signal.removeEventListener('abort', finish);
      cleanup?.();
    };
    const body = new ReadableStream<Uint8Array>({
      start: (controller) => {
        controllerRef = controller;
        this.open.add(channel);
        signal.addEventListener('abort', finish);
        cleanup = start(channel);
        if (closed) cleanup();
      },
      cancel: () => finish(),
    });
    return new Response(body, {
      status: 200,
      headers: {
        'Content-Type': 'text/event-stream',
        'Cache-Control': 'no-cache',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no',
        ...headers,
      },
    });
  }

  closeAll(): void {
    for (const channel of [...this.open]) channel.close();
  }
}

/** One SSE event; multi-line data becomes one `data:` line per line, as the EventSource spec requires. */
export function sseEvent(fields: { id?: number; event?: string; data: string }): string {
  let out = '';
  if (fields.id !== undefined) out += `id: ${fields.id}\n`;
  if (fields.event !== undefined) out += `event: ${fields.event}\n`;
  for (const line of fields.data.split('\n')) out += `data: ${line}\n`;
  return `${out}\n`;
}
