// The console part of `gatehouse serve`: starts the console backend next to the server and serves the built
// renderer, so a browser gets the same console as the desktop app.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createConsoleBackend, type ConsoleBackend, type EmbeddedServerHandle } from '../console/index';

/** out/renderer of this checkout (or $GATEHOUSE_RENDERER_DIR). */
export function rendererDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.GATEHOUSE_RENDERER_DIR) return resolve(env.GATEHOUSE_RENDERER_DIR);
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'out', 'renderer');
}

export async function startConsole(
  server: EmbeddedServerHandle,
  dataDir: string,
  port: number,
): Promise<{ backend: ConsoleBackend; lines: string[] }> {
  const backend = await createConsoleBackend({
    embedded: server,
    dataDir,
    port,
    host: 'browser',
    rendererDir: rendererDir(),
  });
  const built = existsSync(join(rendererDir(), 'index.html'));
  return {
    backend,
    lines: [
      `  Console:     ${backend.launchUrl}`,
      ...(built ? [] : ['               (the console UI is not built yet: run `npm run build:web`)']),
      `               API keys of remote connections are stored unencrypted (0600) in ${join(dataDir, 'console')}`,
    ],
  };
}
