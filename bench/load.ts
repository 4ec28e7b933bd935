// A closed-loop HTTP load generator in a worker thread (so it does not share the event loop with the server
// under test), built on the minimal client in http1.ts so that ratios measure servers rather than the client.
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

const WORKER_BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
import('tsx/esm/api').then(({ register }) => { register(); return import(workerData.entry); });
`;

export function load(opts: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    // Workers do not inherit the parent's TypeScript loader, so the worker registers tsx before importing.
    const worker = new Worker(WORKER_BOOTSTRAP, {
      eval: true,
      workerData: {
        ...opts,
        headers: opts.headers ?? {},
        entry: new URL('./load-worker.ts', import.meta.url).href,
      },
    });
    worker.once('message', (m: { requests: number; errors: number; p50ms: number }) => {
      resolve({ ...m, rps: m.requests / (opts.durationMs / 1000) });
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}
