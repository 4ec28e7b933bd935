// Serves the built renderer (out/renderer) with SPA fallback: every non-file path gets index.html, so deep links
// like /c/embedded/identities/<id> work after a reload. Without a build, a page says how to make one.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Context } from 'hono';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Gatehouse console</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; line-height: 1.5">
<h1>The console UI is not built yet</h1>
<p>Gatehouse's APIs are running. To use the console in this browser, build it once and reload:</p>
<pre>npm run build:web</pre>
<p>(<code>npm start</code> builds it for you.)</p></body></html>`;

export function staticHandler(rendererDir: string | undefined): (c: Context) => Response {
  const root = rendererDir ? resolve(rendererDir) : undefined;
  return (c) => {
    const indexFile = root ? join(root, 'index.html') : undefined;
    if (!root || !indexFile || !existsSync(indexFile)) {
      return c.html(NOT_BUILT, 200, { 'cache-control': 'no-store' });
    }
    let path: string;
    try {
      path = decodeURIComponent(new URL(c.req.url).pathname);
    } catch {
      return c.text('Bad Request', 400);
    }
    const candidate = normalize(join(root, path));
    const inside = candidate === root || candidate.startsWith(root + sep);
    if (inside && extname(candidate) !== '' && isFile(candidate)) {
      const immutable = path.startsWith('/assets/');
      return c.body(readFileSync(candidate), 200, {
        'content-type': MIME[extname(candidate).toLowerCase()] ?? 'application/octet-stream',
        'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
    }
    if (extname(path) !== '') return c.text('Not Found', 404);
    return c.body(readFileSync(indexFile), 200, {
      'content-type': MIME['.html'] as string,
      'cache-control': 'no-store',
    });
  };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
