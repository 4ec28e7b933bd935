// Validates a kratos.yml against Kratos's config schema and reports each problem as `path: message`,
// with the YAML line where the offending key sits.
import type { Document, LineCounter } from 'yaml';
import { buildValidationError } from '../schema/validation-error';
import { configSchema } from './schema';

export interface ConfigProblem {
  path: string;
  message: string;
  line?: number;
}

export function validateConfig(
  raw: unknown,
  source?: { doc: Document; lines: LineCounter },
): ConfigProblem[] {
  const { validate } = configSchema();
  if (validate(raw)) return [];
  const err = buildValidationError(validate.errors ?? []);
  if (!err) return [];
  return err.leaves().flatMap((leaf) => {
    const segments = leaf.instancePtr.replace(/^#\/?/, '').split('/').filter(Boolean).map(unescape);
    // A missing or extra key is reported on its parent; point at each key itself.
    const named = (leaf.params.missing ?? leaf.params.properties) as string[] | undefined;
    if (!named || named.length === 0) {
      const line = source && segments.length > 0 ? lineOf(source, segments) : undefined;
      return [problem(segments, leaf.message, line)];
    }
    return named.map((name) => {
      const message =
        leaf.keyword === 'required'
          ? `missing properties: "${name}"`
          : `additionalProperties "${name}" not allowed`;
      const line = source ? lineOf(source, segments, name) : undefined;
      return problem([...segments, name], message, line);
    });
  });
}

function problem(path: string[], message: string, line: number | undefined): ConfigProblem {
  return { path: path.length > 0 ? path.join('.') : '(root)', message, ...(line ? { line } : {}) };
}

function lineOf(
  source: { doc: Document; lines: LineCounter },
  segments: string[],
  key?: string,
): number | undefined {
  const path = segments.map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  // The key itself when it exists (an extra key), else its parent (a missing key); never the root.
  const node = ((key !== undefined ? source.doc.getIn([...path, key], true) : undefined) ??
    (path.length > 0 ? source.doc.getIn(path, true) : undefined)) as
    { range?: [number, number, number] } | undefined;
  const offset = node?.range?.[0];
  if (offset === undefined) return undefined;
  return source.lines.linePos(offset).line;
}

function unescape(s: string): string {
  return s.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function formatProblems(problems: ConfigProblem[], file?: string): string {
  return problems
    .map((p) => `${p.path}: ${p.message}${p.line ? ` (${file ? `${file}:` : 'line '}${p.line})` : ''}`)
    .join('\n');
}
