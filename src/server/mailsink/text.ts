// Plain-text views of a message for list snippets and free-text search (what Mailpit stores as Snippet
// and SearchText).

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  copy: '©',
  reg: '®',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
};

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** Visible text of an HTML body: no head, styles or scripts; block ends become spaces; entities decoded. */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<(head|style|script|title)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(/<[^>]*>/g, ' '),
  )
    .replace(/\s+/g, ' ')
    .trim();
}

/** Up to 200 characters of the HTML (else text) body, "..." when cut, as Mailpit's Snippet. */
export function snippet(text: string, html: string): string {
  const source =
    html.trim() !== ''
      ? htmlToText(html)
      : text
          .replace(/\uFEFF/g, ' ')
          .replace(/\s+/g, ' ')
          .trim();
  const chars = [...source];
  return chars.length <= 200 ? source : `${chars.slice(0, 200).join('')}...`;
}

/** Mailpit's cleanString: lower case, separators and line breaks as spaces, whitespace collapsed. */
export function cleanSearchText(s: string): string {
  return s
    .replace(/\uFEFF/g, ' ')
    .replace(/(\r?\n|\t|>|<|"|,|;|\(|\))/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '')
    .join(' ')
    .toLowerCase();
}
