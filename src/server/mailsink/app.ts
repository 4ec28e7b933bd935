// The mail API application: MailHog v1/v2, MailSlurper, Mailpit (at /mailpit and, where MailHog leaves room,
// at the root), the SMS sink and Gatehouse's own endpoints, all on one port. Unknown paths get Go's
// "404 page not found"; OPTIONS is answered on every path, as MailHog does.
import { Hono } from 'hono';
import { writeError } from '../errors/writer';
import { type ApiContext, goNotFound } from './context';
import { registerGatehouse } from './gatehouse-api';
import { registerMailHog } from './mailhog-api';
import { MAILPIT_WEBROOT, registerMailpit } from './mailpit-api';
import { registerMailSlurper } from './mailslurper-api';
import { registerSmsIngest } from './sms';

export interface AppOptions {
  /** MailHog's -cors-origin: when set, API responses carry CORS headers for that origin. */
  corsOrigin?: string;
}

export function buildMailSinkApp(ctx: ApiContext, opts: AppOptions = {}): Hono {
  const app = new Hono();
  const { corsOrigin } = opts;
  if (corsOrigin) {
    app.use('/api/*', async (c, next) => {
      await next();
      c.res.headers.set('Access-Control-Allow-Origin', corsOrigin);
      c.res.headers.set('Access-Control-Allow-Methods', 'OPTIONS,GET,PUT,POST,DELETE');
      c.res.headers.set('Access-Control-Allow-Headers', 'Content-Type');
    });
  }
  registerMailSlurper(app, ctx);
  registerMailHog(app, ctx);
  registerMailpit(app, ctx, MAILPIT_WEBROOT);
  registerMailpit(app, ctx, '');
  registerSmsIngest(app, ctx);
  registerGatehouse(app, ctx);
  app.options('*', (c) => c.body(null, 200));
  app.notFound(goNotFound);
  app.onError((err, c) => writeError(c, err, ctx.logger));
  return app;
}
