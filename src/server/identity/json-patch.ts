// RFC 6902 JSON Patch as Kratos applies it to identities (ory/x jsonx.ApplyJSONPatch over evanphx/json-patch):
// only add, remove and replace; replace of an object member behaves as add; missing parents are created on
// add; paths matching the deny globs are refused. Keys like `__proto__` are ordinary own properties here.

export class JsonPatchError extends Error {}

type Json = unknown;
type Container = Record<string, Json> | Json[];

export interface PatchOp {
  op?: string;
  path?: string;
  from?: string;
  value?: unknown;
}

export function applyJsonPatch(document: Json, ops: PatchOp[], denyGlobs: string[] = []): Json {
  const deny = denyGlobs.map(globToRegExp);
  const prepared = ops.map((op) => {
    const kind = op.op ?? '';
    if (!['add', 'remove', 'replace'].includes(kind))
      throw new JsonPatchError(`unsupported operation: ${kind}`);
    if (typeof op.path !== 'string')
      throw new JsonPatchError('error parsing patch operations: operation missing path field');
    if (deny.some((re) => re.test(op.path!.toLowerCase())))
      throw new JsonPatchError(`patch includes denied path: ${op.path}`);
    const kindToRun = kind === 'replace' && !isElementAccess(op.path) ? 'add' : kind;
    if ((kindToRun === 'add' || kindToRun === 'replace') && !('value' in op)) {
      throw new JsonPatchError(`${kindToRun} operation does not apply: missing value`);
    }
    return { kind: kindToRun, path: op.path, value: op.value };
  });
  let doc = jsonClone(document);
  for (const op of prepared) doc = applyOne(doc, op.kind, parsePointer(op.path), op.value);
  return doc;
}

function applyOne(doc: Json, kind: string, segments: string[], value: unknown): Json {
  if (segments.length === 0) {
    if (kind === 'remove')
      throw new JsonPatchError('remove operation does not apply: cannot remove the document root');
    return jsonClone(value);
  }
  const parent = resolveParent(doc, segments.slice(0, -1), kind === 'add');
  const key = segments[segments.length - 1] as string;
  if (Array.isArray(parent)) {
    const index = key === '-' ? parent.length : parseIndex(key);
    if (kind === 'add') {
      if (index > parent.length) throw missing(segments);
      parent.splice(index, 0, jsonClone(value));
    } else {
      if (index >= parent.length) throw missing(segments);
      if (kind === 'remove') parent.splice(index, 1);
      else parent[index] = jsonClone(value);
    }
    return doc;
  }
  if (kind === 'remove' || kind === 'replace') {
    if (!Object.hasOwn(parent, key)) throw missing(segments);
  }
  if (kind === 'remove') delete parent[key];
  else setOwn(parent, key, jsonClone(value));
  return doc;
}

function resolveParent(doc: Json, segments: string[], create: boolean): Container {
  let cur: Json = doc;
  segments.forEach((seg, i) => {
    const next = segments[i + 1];
    if (Array.isArray(cur)) {
      const index = parseIndex(seg);
      if (index >= cur.length) throw missing(segments.slice(0, i + 1));
      cur = cur[index];
      return;
    }
    if (cur === null || typeof cur !== 'object') throw missing(segments.slice(0, i + 1));
    const obj = cur as Record<string, Json>;
    if (!Object.hasOwn(obj, seg) || obj[seg] === null) {
      if (!create) throw missing(segments.slice(0, i + 1));
      setOwn(obj, seg, next !== undefined && /^\d+$/.test(next) ? [] : {});
    }
    cur = obj[seg];
  });
  if (cur === null || typeof cur !== 'object') throw missing(segments);
  return cur as Container;
}

function setOwn(obj: Record<string, Json>, key: string, value: Json): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

function parseIndex(seg: string): number {
  if (!/^(0|[1-9]\d*)$/.test(seg)) throw new JsonPatchError(`invalid array index: ${seg}`);
  return Number(seg);
}

function parsePointer(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) throw new JsonPatchError(`invalid JSON pointer: ${path}`);
  return path
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function isElementAccess(path: string): boolean {
  const last = path.split('/').pop() ?? '';
  return last === '-' || /^-?\d+$/.test(last);
}

function missing(segments: string[]): JsonPatchError {
  return new JsonPatchError(`doc is missing path: "/${segments.join('/')}"`);
}

/** gobwas/glob with `/` as separator: `*` stays within a segment, `**` crosses segments. */
function globToRegExp(glob: string): RegExp {
  const source = glob
    .toLowerCase()
    .split(/(\*\*|\*)/)
    .map((part) =>
      part === '**' ? '.*' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${source}$`);
}

/** Deep copy through JSON, which keeps `__proto__` as an own key (structuredClone would drop it). */
function jsonClone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
