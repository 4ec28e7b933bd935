// Container helpers (ui/container/container.go, ui/node/node.go Nodes methods). They mutate the container
// in place, as Kratos does, and keep every node in canonical key order.
import type { UiText } from '../text/message';
import { canonicalInputAttributes } from './attributes';
import { csrfNode, inputNode } from './nodes';
import type { UiContainer, UiNode, UiNodeGroup } from './types';

export function newContainer(action: string, method = 'POST'): UiContainer {
  return { action, method, nodes: [] };
}

/** A node's identity: the input name, or the id of any other node (Node.ID). */
export function nodeId(node: UiNode): string {
  return node.attributes.node_type === 'input' ? node.attributes.name : node.attributes.id;
}

/** The input value, or what Kratos treats as the value of other nodes (GetValue). */
export function nodeValue(node: UiNode): unknown {
  const a = node.attributes;
  switch (a.node_type) {
    case 'input':
      return a.value;
    case 'text':
      return a.text;
    case 'img':
    case 'script':
      return a.src;
    case 'a':
      return a.href;
    case 'div':
      return undefined;
  }
}

type Nodes = UiContainer | UiNode[];
const list = (c: Nodes): UiNode[] => (Array.isArray(c) ? c : c.nodes);

/** The first node with this name/id (and group, when given). */
export function findNode(c: Nodes, name: string, group?: UiNodeGroup): UiNode | undefined {
  return list(c).find((n) => nodeId(n) === name && (group === undefined || n.group === group));
}

/** Replaces the first node with the same id, or appends (Nodes.Upsert). */
export function upsertNode(c: UiContainer, node: UiNode): void {
  const i = c.nodes.findIndex((n) => nodeId(n) === nodeId(node));
  if (i >= 0) c.nodes[i] = node;
  else c.nodes.push(node);
}

export function appendNode(c: UiContainer, node: UiNode): void {
  c.nodes.push(node);
}

/** Removes a whole group, or every node matching the predicate (Nodes.RemoveGroup / RemoveMatching). */
export function removeNodes(c: UiContainer, which: UiNodeGroup | ((node: UiNode) => boolean)): void {
  const drop = typeof which === 'function' ? which : (n: UiNode): boolean => n.group === which;
  c.nodes = c.nodes.filter((n) => !drop(n));
}

/** Removes nodes by id in any group (Nodes.Remove), or only within `group` (Nodes.RemoveInGroup). */
export function removeNodesByName(c: UiContainer, names: string[], group?: UiNodeGroup): void {
  removeNodes(c, (n) => names.includes(nodeId(n)) && (group === undefined || n.group === group));
}

function clearValue(node: UiNode): void {
  if (node.attributes.node_type === 'input') {
    const { value: _dropped, ...rest } = node.attributes;
    node.attributes = canonicalInputAttributes(rest);
  }
}

/** Clears value and messages of the named nodes, e.g. the password after a failed login (Nodes.ResetNodes). */
export function resetNodeValues(c: UiContainer, names: string[]): void {
  for (const n of c.nodes) {
    if (names.includes(nodeId(n))) {
      n.messages = [];
      clearValue(n);
    }
  }
}

/** Clears every message and every value except those of `exclude` (Container.Reset). */
export function resetContainer(c: UiContainer, exclude: string[] = []): void {
  delete c.messages;
  for (const n of c.nodes) {
    n.messages = [];
    if (!exclude.includes(nodeId(n))) clearValue(n);
  }
}

/**
 * Sets a node's value (Nodes.SetValueAttribute): inputs get `value`, images and scripts `src`, links `href`.
 * Returns false when no node has that name.
 */
export function setNodeValue(c: UiContainer, name: string, value: unknown): boolean {
  const node = c.nodes.find((n) => nodeId(n) === name);
  if (!node) return false;
  const a = node.attributes;
  switch (a.node_type) {
    case 'input':
      node.attributes = canonicalInputAttributes({ ...a, value });
      break;
    case 'img':
    case 'script':
      a.src = typeof value === 'string' ? value : '';
      break;
    case 'a':
      a.href = typeof value === 'string' ? value : '';
      break;
    case 'text':
      a.text = isUiText(value) ? value : null;
      break;
    case 'div':
      break;
  }
  return true;
}

function isUiText(v: unknown): v is UiText {
  return typeof v === 'object' && v !== null && 'id' in v && 'text' in v;
}

/** Upserts the csrf_token node (Container.SetCSRF). */
export function setCsrf(c: UiContainer, token: string): void {
  upsertNode(c, csrfNode(token));
}

/**
 * Adds a message to the container, or to the named node (Container.AddMessage). A node that does not
 * exist is created as a text input in group `default`, like Kratos does for unknown fields.
 */
export function addMessage(c: UiContainer, message: UiText, nodeName?: string): void {
  if (nodeName === undefined || nodeName.trim() === '') {
    c.messages = [...(c.messages ?? []), message];
    return;
  }
  const node = findNode(c, nodeName);
  if (node) node.messages.push(message);
  else c.nodes.push(inputNode('default', nodeName, { messages: [message] }));
}

/** Replaces the container messages with one message (Messages.Set). */
export function setMessage(c: UiContainer, message: UiText): void {
  c.messages = [message];
}

/** Clears the container's and the nodes' messages, except on the excluded nodes (Container.ResetMessages). */
export function clearMessages(c: UiContainer, exclude: string[] = []): void {
  delete c.messages;
  for (const n of c.nodes) if (!exclude.includes(nodeId(n))) n.messages = [];
}
