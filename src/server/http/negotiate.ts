// Content negotiation as Kratos does it (ory/herodot httputil.NegotiateContentType, x/isjsonrequest.go).

interface Accepted {
  type: string;
  q: number;
  specificity: number;
}

function parseAccept(header: string | undefined): Accepted[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part) => {
      const [type = '', ...params] = part.trim().split(';');
      const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const q = qParam ? Number(qParam.slice(2)) : 1;
      const t = type.trim().toLowerCase();
      const specificity = t === '*/*' ? 0 : t.endsWith('/*') ? 1 : 2;
      return { type: t, q: Number.isFinite(q) ? q : 0, specificity };
    })
    .filter((a) => a.type !== '');
}

/** Picks the offer the Accept header prefers; ties go to the earlier offer; no header picks the default. */
export function negotiate(accept: string | undefined, offers: string[], fallback: string): string {
  const accepted = parseAccept(accept);
  if (accepted.length === 0) return fallback;
  let best = '';
  let bestQ = -1;
  let bestSpec = -1;
  for (const offer of offers) {
    for (const a of accepted) {
      const matches =
        a.type === '*/*' ||
        a.type === offer ||
        (a.type.endsWith('/*') && offer.startsWith(a.type.slice(0, -1)));
      if (!matches || a.q <= 0) continue;
      if (a.q > bestQ || (a.q === bestQ && a.specificity > bestSpec)) {
        best = offer;
        bestQ = a.q;
        bestSpec = a.specificity;
      }
    }
  }
  return best || fallback;
}

/** x/http.go AcceptsJSON: negotiated between text/html and application/json, default html. */
export function acceptsJson(accept: string | undefined): boolean {
  return negotiate(accept, ['text/html', 'application/json'], 'text/html') === 'application/json';
}

/** x/isjsonrequest.go IsJSONRequest: Accept prefers JSON, or the body is exactly application/json. */
export function isJsonRequest(accept: string | undefined, contentType: string | undefined): boolean {
  const viaAccept =
    negotiate(accept, ['text/html', 'text/*', '*/*', 'application/json'], 'text/html') === 'application/json';
  return viaAccept || (contentType ?? '').split(';')[0]?.trim().toLowerCase() === 'application/json';
}
