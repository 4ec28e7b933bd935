// Mailpit's search syntax (internal/storage/search.go) compiled to storage filters: words and "phrases"
// against the search text, to: from: cc: bcc: reply-to: addressed: subject: message-id: against those
// fields, is:read|unread|tagged, has:attachment|inline, larger:/smaller: sizes, before:/after: dates, and
// `-`/`!` to negate any of them. Unlike Mailpit, % and _ in a term match literally.
import type { MailFilter, MailTextColumn } from './persister';
import { cleanSearchText } from './text';

/** Mailpit's ArgsParser: split on spaces outside double quotes; quotes are dropped. */
export function searchArgs(s: string): string[] {
  const args: string[] = [];
  let current = '';
  let quoted = false;
  const push = (): void => {
    const v = current.replace(/"/g, '').trim();
    if (v !== '') args.push(v);
    current = '';
  };
  for (const ch of s) {
    if (ch === '"') {
      quoted = !quoted;
      current += ch;
    } else if (!quoted && ch === ' ') push();
    else current += ch;
  }
  push();
  return args;
}

function likeValue(v: string): string {
  return `%${v.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Mailpit's sizeToBytes: "2M", "500k", "1.5mb", plain bytes; 0 when it does not parse. */
export function sizeToBytes(v: string): number {
  const m = /^(\d+)(\.\d+)?\s?([a-z]{1,2})?$/.exec(v.toLowerCase());
  if (!m) return 0;
  const n = parseFloat(`${m[1]}${m[2] ?? ''}`);
  const unit = m[3] ?? '';
  if (unit === '') return Math.floor(n);
  if (unit === 'k' || unit === 'kb') return Math.floor(n * 1024);
  if (unit === 'm' || unit === 'mb') return Math.floor(n * 1024 * 1024);
  return 0;
}

/** A date as Mailpit's dateparse reads the common forms; undefined (the term is ignored) otherwise. */
export function searchDate(v: string): number | undefined {
  const ms = Date.parse(v);
  return Number.isFinite(ms) ? ms : undefined;
}

const ADDRESS_PREFIXES: [string, MailTextColumn[]][] = [
  ['to:', ['to_json']],
  ['from:', ['from_json']],
  ['cc:', ['cc_json']],
  ['bcc:', ['bcc_json']],
  ['reply-to:', ['reply_to_json']],
  ['addressed:', ['to_json', 'from_json', 'cc_json', 'bcc_json', 'reply_to_json']],
];

export function mailpitFilters(query: string): MailFilter[] {
  const filters: MailFilter[] = [];
  for (const arg of searchArgs(query)) {
    if (cleanSearchText(arg) === '') continue;
    let w = arg;
    let negate = false;
    if (w.length > 1 && (w.startsWith('-') || w.startsWith('!'))) {
      negate = true;
      w = w.slice(1);
    }
    const filter = term(w, w.toLowerCase(), negate);
    if (filter) filters.push(filter);
  }
  return filters;
}

function term(w: string, lw: string, negate: boolean): MailFilter | undefined {
  for (const [prefix, columns] of ADDRESS_PREFIXES) {
    if (!lw.startsWith(prefix)) continue;
    const value = cleanSearchText(w.slice(prefix.length));
    return value === '' ? undefined : { kind: 'like', columns, pattern: likeValue(value), negate };
  }
  if (lw.startsWith('subject:')) {
    const value = w.slice(8);
    return value === ''
      ? undefined
      : { kind: 'like', columns: ['subject'], pattern: likeValue(value), negate };
  }
  if (lw.startsWith('message-id:')) {
    const value = cleanSearchText(w.slice(11));
    return value === ''
      ? undefined
      : { kind: 'like', columns: ['message_id'], pattern: likeValue(value), negate };
  }
  // The sink keeps no tags: tag:x matches nothing, is:tagged nothing.
  if (lw.startsWith('tag:'))
    return cleanSearchText(w.slice(4)) === '' ? undefined : { kind: 'constant', value: negate };
  if (lw === 'is:tagged') return { kind: 'constant', value: negate };
  if (lw === 'is:read' || lw === 'is:unread')
    return { kind: 'flag', flag: 'read', value: (lw === 'is:read') !== negate };
  if (lw === 'has:inline' || lw === 'has:inlines')
    return { kind: 'flag', flag: 'has_inline', value: !negate };
  if (lw === 'has:attachment' || lw === 'has:attachments') {
    return { kind: 'flag', flag: 'has_attachments', value: !negate };
  }
  for (const [prefix, op, negOp] of [
    ['after:', '>=', '<='],
    ['before:', '<=', '>='],
  ] as const) {
    if (!lw.startsWith(prefix)) continue;
    const ms = searchDate(cleanSearchText(w.slice(prefix.length)).toUpperCase());
    return ms === undefined
      ? undefined
      : { kind: 'compare', column: 'created_ms', op: negate ? negOp : op, value: ms };
  }
  for (const [prefix, op, negOp] of [
    ['larger:', '>', '<'],
    ['smaller:', '<', '>'],
  ] as const) {
    if (!lw.startsWith(prefix)) continue;
    const size = sizeToBytes(cleanSearchText(w.slice(prefix.length)));
    if (size > 0) return { kind: 'compare', column: 'size', op: negate ? negOp : op, value: size };
  }
  return { kind: 'like', columns: ['search_text'], pattern: likeValue(cleanSearchText(lw)), negate };
}
