// Attribute content types (html/template attr.go): which attributes hold URLs, scripts or styles.

export type ContentType = 'plain' | 'css' | 'html' | 'js' | 'url' | 'srcset' | 'unsafe';

const URL_ATTRS =
  'action archive background cite classid codebase data formaction href icon longdesc manifest poster profile src usemap xmlns';
const UNSAFE_ATTRS =
  'accept-charset async challenge charset content crossorigin defer enctype form formenctype formmethod formnovalidate http-equiv keytype language method novalidate pattern rel sandbox type value';
const PLAIN_ATTRS =
  'accept alt autocomplete autofocus autoplay border checked class cols colspan contenteditable contextmenu controls coords datetime default dir dirname disabled draggable dropzone for formtarget headers height hidden high hreflang id ismap kind label lang list loop low max maxlength media mediagroup min multiple name open optimum placeholder preload pubdate radiogroup readonly required reversed rows rowspan spellcheck scope scoped seamless selected shape size sizes span srclang start step tabindex target title width wrap';

const ATTR_TYPES = new Map<string, ContentType>([
  ...URL_ATTRS.split(' ').map((a): [string, ContentType] => [a, 'url']),
  ...UNSAFE_ATTRS.split(' ').map((a): [string, ContentType] => [a, 'unsafe']),
  ...PLAIN_ATTRS.split(' ').map((a): [string, ContentType] => [a, 'plain']),
  ['srcdoc', 'html'],
  ['srcset', 'srcset'],
  ['style', 'css'],
]);

/** Go's attrType for a lower-cased attribute name. */
export function attrType(nameIn: string): ContentType {
  let name = nameIn;
  if (name.startsWith('data-')) {
    name = name.slice(5);
  } else {
    const colon = name.indexOf(':');
    if (colon !== -1) {
      if (name.slice(0, colon) === 'xmlns') return 'url';
      name = name.slice(colon + 1);
    }
  }
  const t = ATTR_TYPES.get(name);
  if (t !== undefined) return t;
  if (name.startsWith('on')) return 'js';
  if (name.includes('src') || name.includes('uri') || name.includes('url')) return 'url';
  return 'plain';
}
