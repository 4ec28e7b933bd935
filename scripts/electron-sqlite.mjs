// better-sqlite3 12 is not N-API: Electron needs a build for its own ABI. It is made once, in a copy of the
// package under .gatehouse/native/electron-<version>/ (never in node_modules, whose Node build the CLI and
// tests use), from a prebuilt binary when one can be downloaded, else compiled against Electron's headers.
// The main process loads it through better-sqlite3's `nativeBinding` option.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export function ensureElectronSqlite(root) {
  const version = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
  const target = join(root, '.gatehouse', 'native', `electron-${version}`, 'better_sqlite3.node');
  if (existsSync(target)) return { ok: true, path: target };
  const work = mkdtempSync(join(tmpdir(), 'gatehouse-sqlite-'));
  try {
    cpSync(join(root, 'node_modules/better-sqlite3'), work, {
      recursive: true,
      filter: (src) => !src.includes(`${join('better-sqlite3', 'build')}`),
    });
    const attempts = [
      [
        join(root, 'node_modules/prebuild-install/bin.js'),
        ['--runtime', 'electron', '--target', version, '--verbose'],
      ],
      [
        npmNodeGyp(),
        [
          'rebuild',
          '--release',
          '--runtime=electron',
          `--target=${version}`,
          '--dist-url=https://electronjs.org/headers',
        ],
      ],
    ];
    let last = 'no build tool found';
    for (const [script, scriptArgs] of attempts) {
      if (!script || !existsSync(script)) continue;
      const r = spawnSync(process.execPath, [script, ...scriptArgs], {
        cwd: work,
        encoding: 'utf8',
        timeout: 600_000,
      });
      const built = join(work, 'build', 'Release', 'better_sqlite3.node');
      if (r.status === 0 && existsSync(built)) {
        mkdirSync(dirname(target), { recursive: true });
        copyFileSync(built, target);
        return { ok: true, path: target };
      }
      last =
        `${r.stderr || r.stdout || r.error?.message || ''}`.trim().split('\n').pop()?.slice(0, 100) ||
        'build failed';
    }
    return { ok: false, reason: last };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function npmNodeGyp() {
  const npmCli = process.env.npm_execpath;
  const candidates = [
    npmCli && join(dirname(npmCli), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    join(
      dirname(process.execPath),
      '..',
      'lib',
      'node_modules',
      'npm',
      'node_modules',
      'node-gyp',
      'bin',
      'node-gyp.js',
    ),
  ];
  return candidates.find((c) => c && existsSync(c));
}
