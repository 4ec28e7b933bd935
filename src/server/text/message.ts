// The uiText shape (text/message.go). Key order id, text, type, context is what Go marshals; context is
// a Go map, so encoding/json writes its keys sorted, and it is omitted when a message has none.

export type UiTextType = 'info' | 'error' | 'success';

export interface UiText {
  id: number;
  text: string;
  type: UiTextType;
  context?: Record<string, unknown>;
}

function sortedKeys(context: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(context).sort(compareBytes)) out[key] = context[key];
  return out;
}

/** Go compares strings byte-wise (UTF-8); JavaScript's default sort compares UTF-16 code units. */
export function compareBytes(a: string, b: string): number {
  if (a === b) return 0;
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

export function uiText(
  id: number,
  text: string,
  type: UiTextType,
  context?: Record<string, unknown>,
): UiText {
  if (context === undefined || Object.keys(context).length === 0) return { id, text, type };
  return { id, text, type, context: sortedKeys(context) };
}

export const info = (id: number, text: string, context?: Record<string, unknown>): UiText =>
  uiText(id, text, 'info', context);

export const error = (id: number, text: string, context?: Record<string, unknown>): UiText =>
  uiText(id, text, 'error', context);

export const success = (id: number, text: string, context?: Record<string, unknown>): UiText =>
  uiText(id, text, 'success', context);
