// Config keys Gatehouse acts on. Any other key Kratos accepts is loaded, kept for export, and reported
// once with a warning, so a kratos.yml moves between Gatehouse and Kratos without surprises.
// A pattern ending in `.*` covers the whole subtree.

const emulated = new Set<string>();
const subtrees: string[] = [];

export function registerEmulatedKeys(...patterns: string[]): void {
  for (const p of patterns) {
    if (p.endsWith('.*')) subtrees.push(p.slice(0, -1));
    else emulated.add(p);
  }
}

export function isEmulated(path: string): boolean {
  const generic = path.replace(/\.\d+(?=\.|$)/g, '.#');
  return emulated.has(generic) || subtrees.some((prefix) => generic.startsWith(prefix));
}

registerEmulatedKeys(
  'version',
  'dsn',
  'dev',
  'log.level',
  'log.format',
  'log.leak_sensitive_values',
  'serve.public.host',
  'serve.public.port',
  'serve.public.base_url',
  'serve.admin.host',
  'serve.admin.port',
  'serve.admin.base_url',
  'identity.*',
  'hashers.*',
  'secrets.*',
  'security.disallow_ref_in_identity_schemas',
);

/** Leaf key paths set in a raw config (arrays of scalars count as one leaf). */
export function leafPaths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return prefix ? [prefix] : [];
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== 'object')) return prefix ? [prefix] : [];
    return value.flatMap((v, i) => leafPaths(v, `${prefix}.${i}`));
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return prefix ? [prefix] : [];
  return entries.flatMap(([k, v]) => leafPaths(v, prefix ? `${prefix}.${k}` : k));
}

export function unemulatedKeys(raw: unknown): string[] {
  const seen = new Set<string>();
  for (const path of leafPaths(raw)) {
    if (isEmulated(path)) continue;
    seen.add(path.replace(/\.\d+(?=\.|$)/g, '.#'));
  }
  return [...seen];
}
