// RFC 8288 Link headers as Kratos sends them for keyset pagination:
// `<https://…/admin/identities?page_size=50&page_token=…>; rel="first",<…>; rel="next"`.

export function parseLinkHeader(header: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const m of header.matchAll(/<([^>]*)>\s*((?:;\s*[^;,]+)*)/g)) {
    const url = m[1] ?? '';
    const rel = (m[2] ?? '').match(/rel\s*=\s*"?([^";]+)"?/i)?.[1];
    if (rel) for (const r of rel.trim().split(/\s+/)) out[r.toLowerCase()] = url;
  }
  return out;
}

/** The `page_token` of the `next` link, or undefined on the last page. */
export function nextPageToken(header: string | null): string | undefined {
  const next = parseLinkHeader(header).next;
  if (!next) return undefined;
  try {
    return new URL(next, 'http://placeholder').searchParams.get('page_token') ?? undefined;
  } catch {
    return undefined;
  }
}
