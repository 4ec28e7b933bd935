// What counts as "typed the identity's identifier": its id, a credentials identifier, an address or its
// external id, compared after trimming and (for identifiers, which Kratos lower-cases) case-insensitively.

interface IdentityLike {
  id?: unknown;
  external_id?: unknown;
  credentials?: Record<string, { identifiers?: unknown }>;
  verifiable_addresses?: { value?: unknown }[];
  recovery_addresses?: { value?: unknown }[];
}

export function confirmationCandidates(identity: unknown, id: string): string[] {
  const i = (identity ?? {}) as IdentityLike;
  const out = new Set<string>([id]);
  const add = (v: unknown): void => {
    if (typeof v === 'string' && v !== '') out.add(v);
  };
  add(i.id);
  add(i.external_id);
  for (const c of Object.values(i.credentials ?? {})) {
    if (Array.isArray(c.identifiers)) c.identifiers.forEach(add);
  }
  for (const a of [...(i.verifiable_addresses ?? []), ...(i.recovery_addresses ?? [])]) add(a.value);
  return [...out];
}

export function confirmationMatches(identity: unknown, id: string, typed: string): boolean {
  const wanted = typed.trim().toLowerCase();
  return wanted !== '' && confirmationCandidates(identity, id).some((c) => c.toLowerCase() === wanted);
}
