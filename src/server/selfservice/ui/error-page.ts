// /ui/error: shows a stored self-service error (GET /self-service/errors?id=).
import type { Context } from 'hono';
import type { Html } from './html';
import { markup } from './html';
import { card, linkRow, page } from './layout';
import type { PageLink } from './layout';
import { publicUrl, readJson } from './model';
import type { ErrorJson, UiPageDeps } from './model';
import { htmlResponse } from './respond';
import { ROUTE_UI_WELCOME } from './routes';

type ErrorBody = NonNullable<ErrorJson['error']>;

export function errorCard(error: ErrorBody | undefined, status: number, links: PageLink[]): Html {
  const code = error?.code ?? status;
  const heading = error?.status ? `${code} ${error.status}` : `Error ${code}`;
  return card(
    markup`<h1>Something went wrong</h1>
      <div class="messages">
        <p class="message error" role="alert">
          ${error?.reason ?? error?.message ?? 'An unexpected error occurred.'}
        </p>
      </div>
      <dl class="session">
        <dt>Status</dt>
        <dd>${heading}</dd>
        ${
          error?.id
            ? markup`<dt>Error</dt>
                <dd><code>${error.id}</code></dd>`
            : ''
        }${
          error?.message && error.reason
            ? markup`<dt>Message</dt>
                <dd>${error.message}</dd>`
            : ''
        }
      </dl>
      ${linkRow(links)}`,
  );
}

export function errorPageHandler(deps: UiPageDeps): (c: Context) => Promise<Response> {
  return async (c) => {
    const home: PageLink = {
      href: publicUrl(deps.publicBaseURL(), ROUTE_UI_WELCOME),
      text: 'Go to the start page',
    };
    const id = c.req.query('id');
    if (!id) {
      return htmlResponse(
        c,
        page({ title: 'Error', body: errorCard({ reason: 'No error id was given.' }, 400, [home]) }),
        400,
      );
    }
    const res = await deps.fetchPublic(`/self-service/errors?id=${encodeURIComponent(id)}`, {
      headers: { accept: 'application/json' },
    });
    const body = await readJson<ErrorJson & { error?: ErrorBody }>(res);
    if (res.status !== 200) {
      const reason = res.status === 404 ? 'This error no longer exists or never did.' : undefined;
      const err = body?.error ?? {};
      return htmlResponse(
        c,
        page({
          title: 'Error',
          body: errorCard({ ...err, reason: err.reason ?? reason }, res.status, [home]),
        }),
        404,
      );
    }
    return htmlResponse(c, page({ title: 'Error', body: errorCard(body?.error, 500, [home]) }));
  };
}
