// The part every flow page shares: start a flow when there is none, fetch it with the browser's cookies,
// restart it when it expired or is unknown, and render it.
import type { Context } from 'hono';
import type { Html } from './html';
import { markup, safeUrl } from './html';
import { card, linkRow, messageList, page } from './layout';
import type { PageLink } from './layout';
import { publicUrl, readJson } from './model';
import type { ErrorJson, FlowJson, FlowKind, UiPageDeps } from './model';
import { scriptSources, scriptTags } from './render-nodes';
import { htmlResponse, scriptOrigins, seeOther } from './respond';
import { errorCard } from './error-page';

/** Query parameters the browser init endpoints accept, carried over from the page URL. */
const INIT_PARAMS: Record<FlowKind, string[]> = {
  login: ['return_to', 'refresh', 'aal', 'login_challenge', 'organization', 'via', 'identity_schema'],
  registration: [
    'return_to',
    'login_challenge',
    'after_verification_return_to',
    'organization',
    'identity_schema',
  ],
  settings: ['return_to'],
  recovery: ['return_to'],
  verification: ['return_to'],
};

export interface FlowPageView {
  title: string;
  lead?: string;
  body: Html;
  links: PageLink[];
}

export interface FlowPage {
  kind: FlowKind;
  /** Builds the page content; may call the public API (e.g. for a logout link). */
  view(flow: FlowJson, ctx: FlowPageContext): FlowPageView | Promise<FlowPageView>;
}

export interface FlowPageContext {
  deps: UiPageDeps;
  cookie: string;
  /** Absolute URL of another built-in page. */
  pageUrl(route: string, params?: Record<string, string | undefined>): string;
}

export function initUrl(
  deps: UiPageDeps,
  kind: FlowKind,
  query: (name: string) => string | undefined,
): string {
  const params: Record<string, string | undefined> = {};
  for (const name of INIT_PARAMS[kind]) params[name] = query(name);
  return publicUrl(deps.publicBaseURL(), `/self-service/${kind}/browser`, params);
}

export function browserHeaders(c: Context): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const cookie = c.req.header('cookie');
  if (cookie) headers.cookie = cookie;
  return headers;
}

export function flowPageHandler(deps: UiPageDeps, p: FlowPage): (c: Context) => Promise<Response> {
  return async (c) => {
    const query = (name: string): string | undefined => c.req.query(name);
    const flowId = query('flow');
    const restart = initUrl(deps, p.kind, query);
    if (!flowId) return seeOther(c, restart);

    const res = await deps.fetchPublic(`/self-service/${p.kind}/flows?id=${encodeURIComponent(flowId)}`, {
      headers: browserHeaders(c),
    });
    if (res.status === 404 || res.status === 410 || res.status === 401) return seeOther(c, restart);
    if (res.status !== 200) {
      const body = await readJson<ErrorJson>(res);
      const redirect = safeUrl(body?.redirect_browser_to);
      if (res.status === 403 && redirect) return seeOther(c, redirect);
      if (res.status === 403 && body?.error?.id !== 'security_csrf_violation') return seeOther(c, restart);
      return htmlResponse(
        c,
        page({
          title: 'Something went wrong',
          body: errorCard(body?.error, res.status, [{ href: restart, text: 'Try again' }]),
        }),
        res.status === 404 ? 404 : res.status >= 500 ? 500 : 400,
      );
    }

    const flow = await readJson<FlowJson>(res);
    if (!flow?.ui || !Array.isArray(flow.ui.nodes)) {
      return htmlResponse(
        c,
        page({ title: 'Something went wrong', body: errorCard(undefined, 500, []) }),
        500,
      );
    }
    const ctx: FlowPageContext = {
      deps,
      cookie: c.req.header('cookie') ?? '',
      pageUrl: (route, params) => publicUrl(deps.publicBaseURL(), route, params),
    };
    const view = await p.view(flow, ctx);
    const content = markup`<h1>${view.title}</h1>
      ${view.lead ? markup`<p class="lead">${view.lead}</p>` : ''}${messageList(
        flow.ui.messages,
      )}${view.body}${linkRow(view.links)}`;
    const scripts = scriptTags(flow.ui.nodes);
    return htmlResponse(
      c,
      page({ title: view.title, body: card(content), scripts }),
      200,
      scriptOrigins(scriptSources(flow.ui.nodes)),
    );
  };
}
