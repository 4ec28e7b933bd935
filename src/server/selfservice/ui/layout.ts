// The page shell and message lists shared by every page.
import type { UiText } from '../../text/message';
import type { Html } from './html';
import { attrs, markup, join, raw } from './html';
import { STYLES } from './styles';

export interface PageOptions {
  title: string;
  body: Html;
  /** Script markup (only for flows that carry a script node). */
  scripts?: Html;
}

export function page(o: PageOptions): string {
  return markup`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <meta name="robots" content="noindex" />
        <title>${o.title} · Gatehouse</title>
        <style>
          ${raw(STYLES)}
        </style>
      </head>
      <body>
        <a class="skip" href="#main">Skip to content</a>
        <header class="site"><span class="mark" aria-hidden="true">G</span><span>Gatehouse</span></header>
        <main id="main">${o.body}</main>
        <footer class="site">Gatehouse · a local Ory Kratos-compatible identity server</footer>
        ${o.scripts}
      </body>
    </html> `.value;
}

const MESSAGE_TYPES = new Set(['info', 'error', 'success']);

function typeClass(m: UiText): string {
  return MESSAGE_TYPES.has(m.type) ? m.type : 'info';
}

/** Flow-level messages; errors are announced to screen readers right away. */
export function messageList(messages: UiText[] | undefined): Html {
  if (!messages || messages.length === 0) return raw('');
  const items = messages.map(
    (m) =>
      markup`<li${attrs({
        class: `message ${typeClass(m)}`,
        role: m.type === 'error' ? 'alert' : 'status',
        'data-testid': `ui/message/${m.id}`,
      })}>${m.text}</li>`,
  );
  return markup`<ul class="messages">${join(items)}</ul>`;
}

/** Messages below an input, referenced by its aria-describedby. */
export function nodeMessageList(id: string, messages: UiText[]): Html {
  if (messages.length === 0) return raw('');
  const items = messages.map(
    (m) => markup`<li${attrs({ class: typeClass(m), 'data-testid': `ui/message/${m.id}` })}>${m.text}</li>`,
  );
  return markup`<ul${attrs({ class: 'node-messages', id })}>${join(items)}</ul>`;
}

export function card(content: Html): Html {
  return markup`<section class="card">${content}</section>`;
}

export interface PageLink {
  href: string;
  text: string;
}

export function linkRow(links: PageLink[]): Html {
  if (links.length === 0) return raw('');
  const items = links.map((l) => markup`<a${attrs({ href: l.href })}>${l.text}</a>`);
  return markup`<nav class="links" aria-label="More options">${join(items)}</nav>`;
}
