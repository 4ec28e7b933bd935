import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KratosError } from '../errors/errors';
import { readBodyText } from './body';

function app(maxBytes: number): Hono {
  const a = new Hono();
  a.post('/echo', async (c) => {
    try {
      return c.text(await readBodyText(c, maxBytes));
    } catch (err) {
      if (err instanceof KratosError) return c.json({ status: err.status }, err.status as 413);
      throw err;
    }
  });
  return a;
}

/** Posts a chunked body (no Content-Length, so only the streaming cap can stop it) over one connection. */
function postChunked(port: number, chunks: string[]): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ port, host: '127.0.0.1', method: 'POST', path: '/echo' }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

describe('readBodyText under @hono/node-server (read from the Node request)', () => {
  let server: ReturnType<typeof serve>;
  let port = 0;
  beforeAll(async () => {
    server = serve({ fetch: app(16).fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server.once('listening', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => server.close());

  it('returns the whole body, multi-byte characters across chunks included', async () => {
    const euro = Buffer.from('€', 'utf8');
    const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request({ port, host: '127.0.0.1', method: 'POST', path: '/echo' }, (r) => {
        const parts: Buffer[] = [];
        r.on('data', (d: Buffer) => parts.push(d)).on('end', () =>
          resolve({ status: r.statusCode ?? 0, body: Buffer.concat(parts).toString('utf8') }),
        );
      });
      req.on('error', reject);
      req.write(Buffer.concat([Buffer.from('a'), euro.subarray(0, 1)]));
      req.end(euro.subarray(1));
    });
    expect(res).toEqual({ status: 200, body: 'a€' });
  });

  it('answers 413 once a chunked body passes the cap, and the connection still serves the answer', async () => {
    const res = await postChunked(port, ['0123456789', '0123456789']);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toEqual({ status: 413 });
  });

  it('accepts a body exactly at the cap', async () => {
    expect(await postChunked(port, ['01234567', '89abcdef'])).toEqual({
      status: 200,
      body: '0123456789abcdef',
    });
  });

  it('refuses a declared Content-Length over the cap before reading', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/echo`, { method: 'POST', body: 'x'.repeat(17) });
    expect(res.status).toBe(413);
  });
});

describe('readBodyText without a Node request (web stream)', () => {
  it('returns the body and enforces the cap', async () => {
    const a = app(4);
    expect(await (await a.request('/echo', { method: 'POST', body: 'abcd' })).text()).toBe('abcd');
    const stream = new ReadableStream<Uint8Array>({
      start(ctl) {
        ctl.enqueue(new TextEncoder().encode('abc'));
        ctl.enqueue(new TextEncoder().encode('de'));
        ctl.close();
      },
    });
    const res = await a.request('/echo', { method: 'POST', body: stream, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
  });
});
