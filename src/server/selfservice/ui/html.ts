// A tiny HTML builder: every interpolated value is escaped unless it is already Html, so traits, messages
// and URLs from flows can never inject markup.

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Part = Html | string | number | boolean | null | undefined | Part[];

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ESCAPES[ch] as string);
}

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof Html) return part.value;
  if (Array.isArray(part)) return part.map(render).join('');
  return escapeHtml(String(part));
}

/** Tagged template: literal markup stays, interpolations are escaped (arrays are concatenated). */
export function markup(strings: TemplateStringsArray, ...parts: Part[]): Html {
  let out = strings[0] ?? '';
  parts.forEach((p, i) => {
    out += render(p) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

/** Markup that is trusted as is (only for constants written in this code base). */
export function raw(markup: string): Html {
  return new Html(markup);
}

export function join(parts: Html[]): Html {
  return new Html(parts.map((p) => p.value).join(''));
}

/**
 * Attributes from a record: `true` renders a bare attribute, false/undefined/null omit it, everything else
 * becomes an escaped, double-quoted value. Names come from this code base, never from flows.
 */
export function attrs(record: Record<string, string | number | boolean | null | undefined>): Html {
  let out = '';
  for (const [name, value] of Object.entries(record)) {
    if (value === undefined || value === null || value === false) continue;
    out += value === true ? ` ${name}` : ` ${name}="${escapeHtml(String(value))}"`;
  }
  return new Html(out);
}

function parse(url: string, base?: URL): URL | undefined {
  try {
    return new URL(url, base ?? 'http://gatehouse.invalid/');
  } catch {
    return undefined;
  }
}

/** A URL safe for href/action: http(s) only (relative URLs resolve to http), never javascript: or data:. */
export function safeUrl(url: unknown): string | undefined {
  if (typeof url !== 'string' || url.trim() === '') return undefined;
  // Browsers strip control characters and whitespace inside schemes ("java\tscript:"), so judge that form.
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const cleaned = url.replace(/[\u0000-\u0020\u007f]/g, '');
  const parsed = parse(cleaned);
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return undefined;
  return url.trim();
}

const IMAGE_DATA = /^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=]+$/;

/** Image sources: http(s) or base64 raster data URLs (the TOTP QR code). SVG data URLs are refused. */
export function safeImageSrc(src: unknown): string | undefined {
  if (typeof src !== 'string') return undefined;
  if (IMAGE_DATA.test(src)) return src;
  return safeUrl(src);
}
