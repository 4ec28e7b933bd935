// A closed-loop HTTP load generator in a worker thread (so it does not share the event loop with the server
// under test): `connections` keep-alive connections each send the next request as soon as the last answered.
import { Worker } from 'node:worker_threads';

export interface LoadOptions {
  url: string;
  headers?: Record<string, string>;
  connections: number;
  durationMs: number;
}

export interface LoadResult {
  requests: number;
  errors: number;
  rps: number;
  p50ms: number;
}

const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const { Agent, request } = require(workerData.undici);
const { url, headers, connections, durationMs } = workerData;
const agent = new Agent({ connections, pipelining: 1, keepAliveTimeout: 30000 });
let requests = 0, errors = 0;
const latencies = [];
const end = Date.now() + durationMs;
async function loop() {
  while (Date.now() < end) {
    const t = performance.now();
    try {
      const res = await request(url, { dispatcher: agent, headers });
      await res.body.arrayBuffer();
      if (res.statusCode !== 200) errors++;
      requests++;
      if (latencies.length < 200000) latencies.push(performance.now() - t);
    } catch { errors++; }
  }
}
Promise.all(Array.from({ length: connections }, loop)).then(async () => {
  latencies.sort((a, b) => a - b);
  await agent.close();
  parentPort.postMessage({ requests, errors, p50ms: latencies[Math.floor(latencies.length / 2)] ?? 0 });
});
`;

export function load(opts: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerSource, {
      eval: true,
      workerData: { ...opts, headers: opts.headers ?? {}, undici: require.resolve('undici') },
    });
    worker.once('message', (m: { requests: number; errors: number; p50ms: number }) => {
      resolve({ ...m, rps: m.requests / (opts.durationMs / 1000) });
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
