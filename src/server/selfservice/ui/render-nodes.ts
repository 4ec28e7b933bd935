// Renders Kratos UI nodes as plain HTML form controls. Nothing needs JavaScript except the WebAuthn and
// passkey triggers, which only get their handler when the flow itself ships Kratos's webauthn.js.
import type { UiText } from '../../text/message';
import type {
  UiAnchorNode,
  UiDivisionNode,
  UiImageNode,
  UiInputNode,
  UiNode,
  UiNodeGroup,
  UiTextNode,
} from '../../ui/types';
import type { Html } from './html';
import { attrs, join, markup, raw, safeImageSrc, safeUrl } from './html';
import { nodeMessageList } from './layout';

/** The JavaScript functions webauthn.js defines; anything else is never written into an onclick. */
const TRIGGERS = new Set([
  'oryWebAuthnRegistration',
  'oryWebAuthnLogin',
  'oryPasskeyLogin',
  'oryPasskeyLoginAutocompleteInit',
  'oryPasskeyRegistration',
  'oryPasskeySettingsRegistration',
]);

export interface RenderContext {
  /** A webauthn/passkey script node is on the page, so trigger buttons may call into it. */
  scripted: boolean;
  /** Groups with required inputs, so other methods' buttons can skip the browser's required checks. */
  requiredGroups: Set<UiNodeGroup>;
}

function labelText(label: UiText | undefined, fallback: string): string {
  return label?.text ?? fallback;
}

function valueText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function domId(index: number, name: string): string {
  return `ui-${index}-${name.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

function renderButton(n: UiInputNode, ctx: RenderContext): Html {
  const a = n.attributes;
  const label = labelText(n.meta.label ?? a.label, valueText(a.value) ?? a.name);
  if (a.type === 'button') {
    const trigger = a.onclickTrigger && TRIGGERS.has(a.onclickTrigger) ? a.onclickTrigger : undefined;
    return markup`<button${attrs({
      type: 'button',
      class: 'secondary',
      name: a.name,
      value: valueText(a.value),
      disabled: a.disabled || (trigger !== undefined && !ctx.scripted),
      onclick: trigger && ctx.scripted ? `window.${trigger} && window.${trigger}()` : undefined,
    })}>${label}</button>`;
  }
  // Buttons other than the group's "method" (resend, back, provider, remove...) and buttons of a group
  // whose neighbours have required inputs must submit without the browser's required-field checks.
  const othersRequired = [...ctx.requiredGroups].some((g) => g !== n.group && g !== 'default');
  return markup`<button${attrs({
    type: 'submit',
    class: a.name === 'method' ? undefined : 'secondary',
    name: a.name,
    value: valueText(a.value),
    disabled: a.disabled,
    formnovalidate: a.name !== 'method' || othersRequired,
    'data-testid': `ui/node/${n.group}/${a.name}`,
  })}>${label}</button>`;
}

function renderInput(n: UiInputNode, index: number, ctx: RenderContext): Html {
  const a = n.attributes;
  if (a.type === 'hidden') {
    return markup`<input${attrs({ type: 'hidden', name: a.name, value: valueText(a.value) ?? '' })}>`;
  }
  if (a.type === 'submit' || a.type === 'button') return renderButton(n, ctx);

  const id = domId(index, a.name);
  const messagesId = `${id}-messages`;
  const hasErrors = n.messages.some((m) => m.type === 'error');
  const label = labelText(n.meta.label ?? a.label, a.name);
  const common = {
    id,
    name: a.name,
    required: a.required === true,
    disabled: a.disabled,
    'aria-invalid': hasErrors ? 'true' : undefined,
    'aria-describedby': n.messages.length > 0 ? messagesId : undefined,
  };
  const messages = nodeMessageList(messagesId, n.messages);

  if (a.type === 'checkbox') {
    return markup`<div class="field checkbox"><input${attrs({
      ...common,
      type: 'checkbox',
      value: 'true',
      checked: a.value === true || a.value === 'true',
    })}><label${attrs({ for: id })}>${label}</label>${messages}</div>`;
  }
  if (a.options && a.options.length > 0) {
    const current = valueText(a.value);
    const options = a.options.map((o) => {
      const v = valueText(o.value) ?? '';
      return markup`<option${attrs({ value: v, selected: v === current })}>${v}</option>`;
    });
    const blank = a.required ? raw('') : markup`<option value=""></option>`;
    return markup`<div class="field"><label${attrs({ for: id })}>${label}</label><select${attrs(common)}>${blank}${join(options)}</select>${messages}</div>`;
  }
  return markup`<div class="field"><label${attrs({ for: id })}>${label}</label><input${attrs({
    ...common,
    type: a.type,
    // Passwords are never echoed back into a page.
    value: a.type === 'password' ? undefined : valueText(a.value),
    autocomplete: a.autocomplete,
    pattern: a.pattern,
    maxlength: a.maxlength,
  })}>${messages}</div>`;
}

function lookupCodes(text: UiText): Html | undefined {
  const secrets = text.context?.secrets;
  if (!Array.isArray(secrets)) return undefined;
  const items = secrets.map((s: unknown) => {
    const m = s as Partial<UiText>;
    const used = m.id === 1050014;
    return markup`<li${attrs({ class: used ? 'used' : undefined, title: used ? m.text : undefined })}>${
      used ? 'used' : (m.text ?? '')
    }</li>`;
  });
  return markup`<ul class="codes">${join(items)}</ul>`;
}

function renderText(n: UiTextNode): Html {
  const t = n.attributes.text;
  const body = t ? (lookupCodes(t) ?? markup`<div class="code">${t.text}</div>`) : raw('');
  const label = n.meta.label ? markup`<div class="label">${n.meta.label.text}</div>` : raw('');
  return markup`<div${attrs({ class: 'field', id: n.attributes.id })}>${label}${body}</div>`;
}

function renderImage(n: UiImageNode): Html {
  const src = safeImageSrc(n.attributes.src);
  if (!src) return raw('');
  const alt = n.meta.label?.text ?? n.attributes.id;
  return markup`<div class="field"><img${attrs({
    class: 'qr',
    src,
    alt,
    width: n.attributes.width || undefined,
    height: n.attributes.height || undefined,
  })}></div>`;
}

function renderAnchor(n: UiAnchorNode): Html {
  const text = n.attributes.title?.text ?? n.meta.label?.text ?? n.attributes.href;
  const href = safeUrl(n.attributes.href);
  if (!href) return markup`<p>${text}</p>`;
  return markup`<a${attrs({ class: 'button-link', href, id: n.attributes.id })}>${text}</a>`;
}

function renderDivision(n: UiDivisionNode): Html {
  const data: Record<string, string> = {};
  for (const [k, v] of Object.entries(n.attributes.data ?? {})) {
    if (/^[a-z0-9-]+$/i.test(k)) data[`data-${k.toLowerCase()}`] = v;
  }
  return markup`<div${attrs({ id: n.attributes.id, class: n.attributes.class, ...data })}></div>`;
}

/** One node; script nodes render nothing here (see scriptTags). */
export function renderNode(n: UiNode, index: number, ctx: RenderContext): Html {
  switch (n.type) {
    case 'input':
      return renderInput(n, index, ctx);
    case 'text':
      return renderText(n);
    case 'img':
      return renderImage(n);
    case 'a':
      return renderAnchor(n);
    case 'div':
      return renderDivision(n);
    case 'script':
      return raw('');
  }
}

const SCRIPT_GROUPS = new Set<UiNodeGroup>(['webauthn', 'passkey']);

/** `<script src>` for WebAuthn/passkey script nodes with http(s) sources; nothing otherwise. */
export function scriptTags(nodes: UiNode[]): Html {
  const tags: Html[] = [];
  let autocompleteInit = false;
  for (const n of nodes) {
    if (n.type === 'input' && n.attributes.onloadTrigger === 'oryPasskeyLoginAutocompleteInit')
      autocompleteInit = true;
    if (n.type !== 'script' || !SCRIPT_GROUPS.has(n.group)) continue;
    const src = safeUrl(n.attributes.src);
    if (!src) continue;
    tags.push(
      markup`<script${attrs({
        src,
        type: 'text/javascript',
        async: n.attributes.async,
        integrity: n.attributes.integrity || undefined,
        crossorigin: n.attributes.crossorigin || undefined,
        referrerpolicy: n.attributes.referrerpolicy || undefined,
        nonce: n.attributes.nonce || undefined,
        id: n.attributes.id,
      })}></script>`,
    );
  }
  if (tags.length > 0 && autocompleteInit) {
    tags.push(
      raw(
        '<script>window.addEventListener("oryWebAuthnInitialized",function(){window.oryPasskeyLoginAutocompleteInit&&window.oryPasskeyLoginAutocompleteInit()});</script>',
      ),
    );
  }
  return join(tags);
}

/** Sources of the script nodes scriptTags renders. */
export function scriptSources(nodes: UiNode[]): string[] {
  return nodes.flatMap((n) => {
    if (n.type !== 'script' || !SCRIPT_GROUPS.has(n.group)) return [];
    const src = safeUrl(n.attributes.src);
    return src ? [src] : [];
  });
}

export function hasScripts(nodes: UiNode[]): boolean {
  return scriptSources(nodes).length > 0;
}
