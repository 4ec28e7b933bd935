// Reads an import file: a JSON array of create-identity bodies (what the console exports), the batch
// body `{identities:[{create}]}`, or identities as the admin API returns them (read-only fields dropped,
// since Kratos's create decoder refuses unknown fields).
import type { CreateIdentityBody } from '../../../../shared/kratos';

export interface ImportItem {
  /** Position in the file, 0-based. */
  index: number;
  create: CreateIdentityBody;
  label: string;
}

export type ParsedImport =
  { ok: true; items: ImportItem[]; problems: string[] } | { ok: false; error: string };

const CREATE_FIELDS = [
  'schema_id',
  'traits',
  'state',
  'metadata_public',
  'metadata_admin',
  'external_id',
  'organization_id',
  'verifiable_addresses',
  'recovery_addresses',
  'credentials',
] as const;

function labelOf(body: CreateIdentityBody, index: number): string {
  const t = (body.traits ?? {}) as Record<string, unknown>;
  for (const k of ['email', 'username', 'phone']) if (typeof t[k] === 'string') return t[k] as string;
  return body.external_id ?? `item ${index + 1}`;
}

/** Keeps only create-body fields; credentials without an importable config are dropped. */
export function toCreateBody(raw: Record<string, unknown>): CreateIdentityBody {
  const out: Record<string, unknown> = {};
  for (const key of CREATE_FIELDS) if (raw[key] !== undefined && raw[key] !== null) out[key] = raw[key];
  const creds = out.credentials as Record<string, { config?: unknown }> | undefined;
  if (creds) {
    const kept = Object.fromEntries(
      Object.entries(creds).filter(([, c]) => c && typeof c === 'object' && c.config),
    );
    if (Object.keys(kept).length) out.credentials = kept;
    else delete out.credentials;
  }
  return out as unknown as CreateIdentityBody;
}

export function parseImport(text: string): ParsedImport {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, error: `The file is not valid JSON: ${(err as Error).message}` };
  }
  const list: unknown[] | undefined = Array.isArray(json)
    ? json
    : json && typeof json === 'object' && Array.isArray((json as { identities?: unknown }).identities)
      ? (json as { identities: unknown[] }).identities
      : undefined;
  if (!list) return { ok: false, error: 'Expected a JSON array of identities (or {"identities": [...]}).' };
  const items: ImportItem[] = [];
  const problems: string[] = [];
  list.forEach((entry, index) => {
    const raw =
      entry && typeof entry === 'object' && 'create' in entry ? (entry as { create: unknown }).create : entry;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
      problems.push(`Item ${index + 1} is not an object and is skipped.`);
      return;
    }
    const create = toCreateBody(raw as Record<string, unknown>);
    if (create.traits === undefined) {
      problems.push(`Item ${index + 1} has no traits and is skipped.`);
      return;
    }
    items.push({ index, create, label: labelOf(create, index) });
  });
  return { ok: true, items, problems };
}
