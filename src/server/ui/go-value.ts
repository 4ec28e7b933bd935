// fmt.Sprintf("%v", node.GetValue()) — Kratos breaks ties between equally ranked nodes by comparing these
// strings, so they must look like Go's.
import { goFloat } from '../text/gofmt';
import type { UiText } from '../text/message';
import { compareBytes } from '../text/message';

/** encoding/json escapes these even in compact output. */
function goJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function isUiText(v: object): v is UiText {
  return 'id' in v && 'text' in v && 'type' in v;
}

/** A *text.Message prints as &{ID Text Type Context}, the RawMessage context as a byte list. */
function uiTextValue(m: UiText): string {
  const context = m.context ? [...Buffer.from(goJson(m.context), 'utf8')].join(' ') : '';
  return `&{${m.id} ${m.text} ${m.type} [${context}]}`;
}

function inner(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return goFloat(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Array.isArray(v)) return `[${v.map(inner).join(' ')}]`;
  if (typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).sort(([a], [b]) => compareBytes(a, b));
    return `map[${entries.map(([k, x]) => `${k}:${inner(x)}`).join(' ')}]`;
  }
  return String(v);
}

export function goValueString(v: unknown): string {
  if (v !== null && typeof v === 'object' && !Array.isArray(v) && isUiText(v)) return uiTextValue(v);
  return inner(v);
}
