// A minimal keep-alive HTTP/1.1 client for load loops, in the spirit of wrk: it writes one request at a time
// on its own connection and reads a Content-Length response, nothing more. A general client (undici) spends
// several times the server's per-request CPU on the same cores, so a ratio taken with it measures the client
// as much as the server.
import { connect, type Socket } from 'node:net';

export interface Http1Response {
  status: number;
  body: Buffer;
}

export class Http1Connection {
  private readonly socket: Socket;
  private buffered: Buffer = Buffer.alloc(0);
  private waiting?: { resolve: (r: Http1Response) => void; reject: (e: Error) => void };

  constructor(
    private readonly host: string,
    private readonly port: number,
  ) {
    this.socket = connect(port, host).setNoDelay(true);
    this.socket.on('data', (chunk: Buffer) => {
      this.buffered = this.buffered.length > 0 ? Buffer.concat([this.buffered, chunk]) : chunk;
      this.answer();
    });
    this.socket.on('error', (err) => this.fail(err));
    this.socket.on('close', () => this.fail(new Error('connection closed')));
  }

  request(
    method: string,
    path: string,
    headers: Record<string, string> = {},
    body = '',
  ): Promise<Http1Response> {
    if (this.waiting) return Promise.reject(new Error('one request at a time per connection'));
    let head = `${method} ${path} HTTP/1.1\r\nhost: ${this.host}:${this.port}\r\n`;
    for (const [name, value] of Object.entries(headers)) head += `${name}: ${value}\r\n`;
    head += `content-length: ${Buffer.byteLength(body)}\r\n\r\n`;
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.socket.write(head + body);
    });
  }

  close(): void {
    this.socket.end();
  }

  private answer(): void {
    const end = this.buffered.indexOf('\r\n\r\n');
    if (end < 0 || !this.waiting) return;
    const head = this.buffered.toString('latin1', 0, end);
    if (/\r\ntransfer-encoding:/i.test(head))
      return this.fail(new Error('chunked responses are not supported'));
    const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
    if (this.buffered.length < end + 4 + length) return;
    const body = this.buffered.subarray(end + 4, end + 4 + length);
    this.buffered = this.buffered.subarray(end + 4 + length);
    const { resolve } = this.waiting;
    this.waiting = undefined;
    resolve({ status: Number(head.slice(9, 12)), body });
  }

  private fail(err: Error): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.reject(err);
  }
}
