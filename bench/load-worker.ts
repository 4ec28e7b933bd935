// The worker side of load.ts: `connections` keep-alive connections, each sending its next GET as soon as
// the last one was answered, until the time is up.
import { parentPort, workerData } from 'node:worker_threads';
import { Http1Connection } from './http1';
import type { LoadOptions } from './load';

const { url, headers, connections, durationMs } = workerData as Required<LoadOptions>;
const { hostname, port, pathname, search } = new URL(url);
const path = pathname + search;
let requests = 0;
let errors = 0;
const latencies: number[] = [];
const end = performance.now() + durationMs;

async function loop(conn: Http1Connection): Promise<void> {
  while (performance.now() < end) {
    const t = performance.now();
    try {
      const res = await conn.request('GET', path, headers);
      if (res.status !== 200) errors++;
      requests++;
      if (latencies.length < 200_000) latencies.push(performance.now() - t);
    } catch {
      errors++; // the connection failed or closed: stop this loop instead of spinning on a dead socket
      return;
    }
  }
  conn.close();
}

const conns = Array.from({ length: connections }, () => new Http1Connection(hostname, Number(port)));
await Promise.all(conns.map(loop));
latencies.sort((a, b) => a - b);
parentPort?.postMessage({ requests, errors, p50ms: latencies[Math.floor(latencies.length / 2)] ?? 0 });
