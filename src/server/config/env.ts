// Kratos-style environment overrides (ory/x configx koanf_env.go): an environment variable addresses the
// config key whose path, with `_` and `.` treated alike, equals the lower-cased variable name; array indices
// are numbers in place of `#` (IDENTITY_SCHEMAS_0_URL). Values are cast by the schema's type.
import type { ConfigKeyPath, EnvTypeHint } from './schema';

export interface EnvOverride {
  variable: string;
  /** Concrete path segments, e.g. ['identity', 'schemas', 0, 'url']. */
  path: (string | number)[];
  value: unknown;
}

export function envOverrides(env: NodeJS.ProcessEnv, paths: ConfigKeyPath[]): EnvOverride[] {
  const out: EnvOverride[] = [];
  for (const [variable, raw] of Object.entries(env)) {
    if (raw === undefined || !/^[A-Za-z0-9_]+$/.test(variable)) continue;
    const key = variable.toLowerCase().replace(/_/g, '.').split('.');
    const match = matchPath(key, paths);
    if (!match) continue;
    const value = cast(raw, match.hint);
    if (value === undefined) continue;
    out.push({ variable, path: match.segments, value });
  }
  return out;
}

function matchPath(
  key: string[],
  paths: ConfigKeyPath[],
): { segments: (string | number)[]; hint: EnvTypeHint } | undefined {
  for (const p of paths) {
    const names = p.path.split('.');
    // Key names may themselves contain `_` (default_browser_return_url), which the variable name splits.
    const flat: { part: string; name: number }[] = [];
    names.forEach((name, i) => name.split('_').forEach((part) => flat.push({ part, name: i })));
    if (flat.length !== key.length) continue;
    let ok = true;
    const indices = new Map<number, number>();
    for (let i = 0; i < flat.length && ok; i++) {
      const { part, name } = flat[i] as { part: string; name: number };
      const k = key[i] as string;
      if (part === '#') {
        if (/^[0-9]+$/.test(k)) indices.set(name, Number(k));
        else ok = false;
      } else if (part !== k) ok = false;
    }
    if (!ok) continue;
    return { segments: names.map((n, i) => (n === '#' ? (indices.get(i) as number) : n)), hint: p.hint };
  }
  return undefined;
}

function cast(raw: string, hint: EnvTypeHint): unknown {
  switch (hint) {
    case 'string':
      return raw;
    case 'integer':
      return /^[+-]?\d+$/.test(raw.trim()) ? Number.parseInt(raw, 10) : raw;
    case 'number':
      return Number.isFinite(Number(raw)) && raw.trim() !== '' ? Number(raw) : raw;
    case 'boolean':
      return castBool(raw);
    case 'string[]':
    case 'number[]':
    case 'boolean[]': {
      const json = tryJson(raw);
      if (Array.isArray(json)) return json;
      const parts = splitCsv(raw);
      if (hint === 'number[]') return parts.map((v) => (Number.isFinite(Number(v)) ? Number(v) : v));
      if (hint === 'boolean[]') return parts.map(castBool);
      return parts;
    }
    case 'json': {
      const json = tryJson(raw);
      // Kratos would write null for undecodable JSON; skipping keeps a stray variable (LOG=1) from wiping a section.
      return json !== null && typeof json === 'object' ? json : undefined;
    }
  }
}

function castBool(raw: string): boolean | string {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(raw)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(raw)) return false;
  return raw; // left as a string so validation reports it instead of silently turning it into false
}

function tryJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/** One CSV record, as Go's encoding/csv reads it (quotes allowed). */
function splitCsv(raw: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (quoted) {
      if (ch === '"' && raw[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"' && cur === '') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Writes `value` at `path`, creating objects and arrays on the way (like sjson.Set). */
export function setPath(target: Record<string, unknown>, path: (string | number)[], value: unknown): void {
  let cur: Record<string | number, unknown> = target;
  path.forEach((seg, i) => {
    if (seg === '__proto__' || seg === 'constructor' || seg === 'prototype') return;
    if (i === path.length - 1) {
      cur[seg] = value;
      return;
    }
    const next = cur[seg];
    if (next === null || typeof next !== 'object') cur[seg] = typeof path[i + 1] === 'number' ? [] : {};
    cur = cur[seg] as Record<string | number, unknown>;
  });
}
