// Loads kratos.yml (YAML or JSON) or a config object, applies Kratos-style environment overrides,
// validates against Kratos's config schema and collects warnings for keys Gatehouse does not emulate.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { Config, type RawConfig } from './config';
import { unemulatedKeys } from './emulated';
import { envOverrides, setPath } from './env';
import { configSchema } from './schema';
import { type ConfigProblem, formatProblems, validateConfig } from './validate';

export class ConfigError extends Error {
  constructor(
    readonly problems: ConfigProblem[],
    readonly file?: string,
  ) {
    super(`The configuration${file ? ` in ${file}` : ''} is invalid:\n${formatProblems(problems, file)}`);
    this.name = 'ConfigError';
  }
}

export interface LoadConfigInput {
  /** Path of a kratos.yml / kratos.json. */
  file?: string;
  /** A config object (tests, the console's config builder). */
  object?: RawConfig;
  env?: NodeJS.ProcessEnv;
  dev?: boolean;
}

export interface LoadedConfig {
  config: Config;
  warnings: string[];
}

export function loadConfig(input: LoadConfigInput): LoadedConfig {
  const file = input.file ? resolve(input.file) : undefined;
  let raw: RawConfig;
  let source: Parameters<typeof validateConfig>[1];
  if (file) {
    const text = readConfigFile(file);
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
    if (doc.errors.length > 0) {
      throw new ConfigError(
        doc.errors.map((e) => ({
          path: '(syntax)',
          message: e.message.split('\n')[0] ?? e.message,
          line: e.linePos?.[0].line,
        })),
        file,
      );
    }
    const parsed: unknown = doc.toJS({ maxAliasCount: 100 });
    if (parsed !== null && (typeof parsed !== 'object' || Array.isArray(parsed))) {
      throw new ConfigError([{ path: '(root)', message: 'expected object' }], file);
    }
    raw = (parsed ?? {}) as RawConfig;
    source = { doc, lines };
  } else {
    raw = structuredClone(input.object ?? {});
  }

  const overrides = envOverrides(input.env ?? {}, configSchema().paths);
  for (const o of overrides) setPath(raw, o.path, o.value);

  const problems = validateConfig(raw, source).map((p) => {
    const o = overrides.find((o) => `${p.path}.`.startsWith(`${o.path.join('.')}.`));
    return o ? { path: p.path, message: `${p.message} (set by environment variable ${o.variable})` } : p;
  });
  if (problems.length > 0) throw new ConfigError(problems, file);

  const warnings = unemulatedKeys(raw).map(
    (key) =>
      `config key "${key}" is valid for Kratos but Gatehouse does not emulate it yet; it has no effect here`,
  );
  return { config: new Config(raw, { dev: input.dev ?? false, ...(file ? { file } : {}) }), warnings };
}

function readConfigFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'file does not exist' : String(err);
    throw new ConfigError([{ path: '(file)', message: reason }], file);
  }
}
