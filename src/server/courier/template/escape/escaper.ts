import type { ListNode } from '../ast';
export const ESCAPER_FUNCS: ReadonlyMap<string, (args: unknown[]) => string> = new Map();
export function escapeTemplateSet(trees: Map<string, ListNode>, _name: string): Map<string, ListNode> {
  return trees;
}
