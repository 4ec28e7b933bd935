// A minimal RFC 6455 server for MailHog's /api/v2/websocket: the server only broadcasts (each new message as
// JSON text), answers pings and close frames, pings idle clients, and, like MailHog (read limit 1 byte),
// hangs up on clients that send data.
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

export interface WebSocketHub {
  broadcast(text: string): void;
  closeAll(): void;
  readonly size: number;
}

function frame(opcode: number, payload: Buffer): Buffer {
  const n = payload.length;
  const head =
    n < 126
      ? Buffer.from([0x80 | opcode, n])
      : n < 65_536
        ? Buffer.from([0x80 | opcode, 126, n >> 8, n & 0xff])
        : Buffer.concat([Buffer.from([0x80 | opcode, 127]), bigLength(n)]);
  return Buffer.concat([head, payload]);
}

function bigLength(n: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt(n));
  return b;
}

export class WebSockets implements WebSocketHub {
  private readonly clients = new Set<Duplex>();

  constructor(private readonly pingIntervalMs: number) {}

  get size(): number {
    return this.clients.size;
  }

  /** Completes the handshake (or refuses it with 400) and keeps the socket as a broadcast target. */
  accept(req: IncomingMessage, socket: Duplex): void {
    const key = req.headers['sec-websocket-key'];
    const upgrade = String(req.headers.upgrade ?? '').toLowerCase();
    if (typeof key !== 'string' || upgrade !== 'websocket' || req.headers['sec-websocket-version'] !== '13') {
      socket.end(
        'HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\nBad Request',
      );
      return;
    }
    const accept = createHash('sha1')
      .update(key + GUID)
      .digest('base64');
    socket.write(
      'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
        `Sec-WebSocket-Accept: ${accept}\r\n\r\n`,
    );
    this.clients.add(socket);
    const ping = setInterval(() => socket.write(frame(0x9, Buffer.alloc(0))), this.pingIntervalMs);
    ping.unref();
    let buffered = Buffer.alloc(0);
    const drop = (): void => {
      clearInterval(ping);
      this.clients.delete(socket);
      socket.destroy();
    };
    socket.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      for (;;) {
        const parsed = readFrame(buffered);
        if (!parsed) return;
        buffered = buffered.subarray(parsed.length);
        if (parsed.opcode === 0x8) {
          socket.end(frame(0x8, parsed.payload.subarray(0, 2)));
          clearInterval(ping);
          this.clients.delete(socket);
          return;
        }
        if (parsed.opcode === 0x9) socket.write(frame(0xa, parsed.payload));
        else if (parsed.opcode !== 0xa) return drop();
      }
    });
    socket.on('error', drop);
    socket.on('close', drop);
  }

  broadcast(text: string): void {
    const f = frame(0x1, Buffer.from(text, 'utf8'));
    for (const socket of this.clients) socket.write(f);
  }

  closeAll(): void {
    for (const socket of [...this.clients]) {
      socket.end(frame(0x8, Buffer.from([0x03, 0xe9])));
      this.clients.delete(socket);
    }
  }
}

function readFrame(buf: Buffer): { opcode: number; payload: Buffer; length: number } | undefined {
  if (buf.length < 2) return undefined;
  const opcode = (buf[0] ?? 0) & 0x0f;
  const masked = ((buf[1] ?? 0) & 0x80) !== 0;
  let len = (buf[1] ?? 0) & 0x7f;
  let offset = 2;
  if (len === 126) {
    if (buf.length < 4) return undefined;
    len = buf.readUInt16BE(2);
    offset = 4;
  } else if (len === 127) {
    if (buf.length < 10) return undefined;
    len = Number(buf.readBigUInt64BE(2));
    offset = 10;
  }
  const mask = masked ? buf.subarray(offset, offset + 4) : undefined;
  if (masked) offset += 4;
  // Clients may only send control frames here (at most 125 bytes); anything longer ends the connection.
  if (len > 125) return { opcode: 0x1, payload: Buffer.alloc(0), length: buf.length };
  if (buf.length < offset + len) return undefined;
  const payload = Buffer.from(buf.subarray(offset, offset + len));
  if (mask) for (let i = 0; i < payload.length; i++) payload[i] = (payload[i] ?? 0) ^ (mask[i % 4] ?? 0);
  return { opcode, payload, length: offset + len };
}
