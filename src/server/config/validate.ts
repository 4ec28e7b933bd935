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
  return err.leaves().map((leaf) => {
    const segments = leaf.instancePtr.replace(/^#\/?/, '').split('/').filter(Boolean).map(unescape);
    // A missing or extra key is reported on its parent; point at the key itself.
    const named = (leaf.params.missing ?? leaf.params.properties) as string[] | undefined;
    const keyPath = named?.length === 1 ? [...segments, named[0] as string] : segments;
    const path = keyPath.length > 0 ? keyPath.join('.') : '(root)';
    const line = source ? lineOf(source, segments, named) : undefined;
    return { path, message: leaf.message, ...(line ? { line } : {}) };
  });
}

function lineOf(
  source: { doc: Document; lines: LineCounter },
  segments: string[],
  named?: string[],
): number | undefined {
  const path = segments.map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  const extra = named?.length === 1 ? source.doc.getIn([...path, named[0]], true) : undefined;
  const node = (extra ?? source.doc.getIn(path, true)) as { range?: [number, number, number] } | undefined;
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
