// A flow's UI container as HTML forms: one form for the whole flow (submit buttons carry method=...), or
// one form per method group as settings pages do, each with the flow's hidden inputs.
import type { UiContainer, UiNode, UiNodeGroup } from '../../ui/types';
import type { Html } from './html';
import { attrs, markup, join, raw, safeUrl } from './html';
import { hasScripts, renderNode } from './render-nodes';
import type { RenderContext } from './render-nodes';

function requiredGroups(nodes: UiNode[]): Set<UiNodeGroup> {
  const out = new Set<UiNodeGroup>();
  for (const n of nodes) if (n.type === 'input' && n.attributes.required) out.add(n.group);
  return out;
}

/** Consecutive nodes of one group form a section; Kratos has already ordered the nodes. */
function sections(nodes: { node: UiNode; index: number }[]): { group: UiNodeGroup; items: typeof nodes }[] {
  const out: { group: UiNodeGroup; items: typeof nodes }[] = [];
  for (const item of nodes) {
    const last = out[out.length - 1];
    if (last && last.group === item.node.group) last.items.push(item);
    else out.push({ group: item.node.group, items: [item] });
  }
  return out;
}

const isHidden = (n: UiNode): boolean => n.type === 'input' && n.attributes.type === 'hidden';
const isVisible = (n: UiNode): boolean => n.type !== 'script' && !isHidden(n);

function formTag(ui: UiContainer, content: Html, label?: string): Html {
  const action = safeUrl(ui.action);
  if (!action) {
    return markup`<p class="message error" role="alert">This flow has no valid form action.</p>`;
  }
  const method = ui.method.toUpperCase() === 'GET' ? 'get' : 'post';
  return markup`<form${attrs({ action, method, 'aria-label': label })}>${content}</form>`;
}

function renderItems(items: { node: UiNode; index: number }[], ctx: RenderContext): Html {
  return join(
    sections(items).map((s) => {
      const parts = s.items.map(({ node, index }) => renderNode(node, index, ctx));
      const buttons = parts.filter((_, i) => {
        const n = s.items[i]?.node;
        return n?.type === 'input' && (n.attributes.type === 'submit' || n.attributes.type === 'button');
      });
      const fields = parts.filter((p) => !buttons.includes(p));
      const actions = buttons.length > 0 ? markup`<div class="actions">${join(buttons)}</div>` : raw('');
      return markup`<div${attrs({ class: 'group', 'data-group': s.group })}>${join(fields)}${actions}</div>`;
    }),
  );
}

/** The whole flow as one form. A form with nothing to submit (e.g. only a continue link) renders bare. */
export function singleForm(ui: UiContainer): Html {
  const ctx: RenderContext = { scripted: hasScripts(ui.nodes), requiredGroups: requiredGroups(ui.nodes) };
  const items = ui.nodes.map((node, index) => ({ node, index }));
  const hidden = items.filter((i) => isHidden(i.node));
  const visible = items.filter((i) => isVisible(i.node));
  const submits = ui.nodes.some((n) => n.type === 'input' && n.attributes.type !== 'hidden');
  const content = markup`${hidden.map((i) => renderNode(i.node, i.index, ctx))}${renderItems(visible, ctx)}`;
  return submits ? formTag(ui, content) : renderItems(visible, ctx);
}

export interface GroupForm {
  group: UiNodeGroup;
  form: Html;
}

/** One form per group (settings): each repeats the default group's hidden inputs (csrf_token). */
export function formsPerGroup(ui: UiContainer): GroupForm[] {
  const ctx: RenderContext = { scripted: hasScripts(ui.nodes), requiredGroups: new Set() };
  const items = ui.nodes.map((node, index) => ({ node, index }));
  const shared = items.filter((i) => i.node.group === 'default' && isHidden(i.node));
  const groups: UiNodeGroup[] = [];
  for (const { node } of items) {
    if (!groups.includes(node.group) && isVisible(node)) groups.push(node.group);
  }
  return groups.map((group) => {
    const own = items.filter((i) => i.node.group === group);
    const hidden = [...(group === 'default' ? [] : shared), ...own.filter((i) => isHidden(i.node))];
    const content = markup`${hidden.map((i) => renderNode(i.node, i.index, ctx))}${renderItems(
      own.filter((i) => isVisible(i.node)),
      ctx,
    )}`;
    return { group, form: formTag(ui, content) };
  });
}
