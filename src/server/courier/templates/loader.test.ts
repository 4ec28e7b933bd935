// Template resolution as in load_template.go: configured URI > override folder > built-in; the
// override folder's `<part>*` files parse together (i18n sub-templates); parsed sets are cached and
// the cache follows config and file changes.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { courierConfig, recoveryModel } from '../../../../test/courier/harness';
import type { RawConfig } from '../../config/config';
import { CourierSettings } from '../config';
import { TemplateLoader } from './loader';
import { templateModel } from './model';
import { TemplateRenderer } from './render';

let dir: string;
let http: Server;
let httpBase: string;
let httpHits = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gatehouse-courier-templates-'));
  http = createServer((req, res) => {
    httpHits++;
    if (req.url === '/subject') res.end('remote subject for {{ .To }}');
    else {
      res.statusCode = 404;
      res.end('nope');
    }
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  httpBase = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await new Promise((r) => http.close(r));
});

function setup(raw: RawConfig): { renderer: TemplateRenderer; loader: TemplateLoader } {
  const loader = new TemplateLoader(new CourierSettings(courierConfig(raw)));
  return { loader, renderer: new TemplateRenderer(loader) };
}

function write(root: string, path: string, text: string): void {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
}

const model = templateModel('recovery_code_valid', 'email', recoveryModel);
const b64 = (s: string): string => `base64://${Buffer.from(s).toString('base64')}`;

describe('template resolution', () => {
  it('case=built-in without overrides', async () => {
    const { renderer, loader } = setup({});
    expect(await renderer.renderPart('recovery_code_valid', 'email.subject', model)).toBe(
      'Use code 123456 to recover access to your account',
    );
    expect(loader.origin('recovery_code_valid', 'email.subject')).toEqual({
      kind: 'builtin',
      location: 'recovery_code/valid/email.subject.gotmpl',
    });
  });

  it('case=override folder file wins over the built-in, siblings alone do not', async () => {
    const root = join(dir, 'override-1');
    write(root, 'recovery_code/valid/email.subject.gotmpl', 'Custom {{ .RecoveryCode }}');
    write(root, 'recovery_code/valid/email.body.plaintext.en_US.gotmpl', 'only a sibling');
    const { renderer, loader } = setup({ courier: { template_override_path: root } });
    expect(await renderer.renderPart('recovery_code_valid', 'email.subject', model)).toBe('Custom 123456');
    // No email.body.plaintext.gotmpl in the folder: the built-in plaintext is used.
    expect(await renderer.renderPart('recovery_code_valid', 'email.body.plaintext', model)).toMatch(
      /^Recover access to your account by entering the following code:/,
    );
    expect(loader.origin('recovery_code_valid', 'email.subject').kind).toBe('override');
    expect(loader.origin('recovery_code_valid', 'email.body.plaintext').kind).toBe('builtin');
  });

  it('case=i18n sub-templates in sibling files are parsed together', async () => {
    const root = join(dir, 'override-i18n');
    write(
      root,
      'login_code/valid/email.body.gotmpl',
      '{{ if eq .TransientPayload.lang "de" }}{{ template "email.body.de.gotmpl" . }}{{ else }}{{ template "en" . }}{{ end }}',
    );
    write(root, 'login_code/valid/email.body.de.gotmpl', 'Dein Code: <b>{{ .LoginCode }}</b>');
    write(
      root,
      'login_code/valid/email.body.en.gotmpl',
      '{{ define "en" }}Your code: {{ .LoginCode }}{{ end }}',
    );
    const { renderer } = setup({ courier: { template_override_path: root } });
    const m = (lang: string): Record<string, unknown> =>
      templateModel('login_code_valid', 'email', {
        To: 'a@b.c',
        LoginCode: '<1>',
        TransientPayload: { lang },
      });
    expect(await renderer.renderPart('login_code_valid', 'email.body', m('de'))).toBe(
      'Dein Code: <b>&lt;1&gt;</b>',
    );
    expect(await renderer.renderPart('login_code_valid', 'email.body', m('en'))).toBe('Your code: &lt;1&gt;');
  });

  it('case=a configured URI wins over the override folder', async () => {
    const root = join(dir, 'override-2');
    write(root, 'recovery_code/valid/email.subject.gotmpl', 'from the folder');
    const { renderer, loader } = setup({
      courier: {
        template_override_path: root,
        templates: {
          recovery_code: { valid: { email: { subject: b64('from base64 {{ .RecoveryCode }}') } } },
        },
      },
    });
    expect(await renderer.renderPart('recovery_code_valid', 'email.subject', model)).toBe(
      'from base64 123456',
    );
    expect(loader.origin('recovery_code_valid', 'email.subject')).toEqual({
      kind: 'uri',
      location: 'base64://[redacted]',
    });
    // Other parts of the same type still come from the folder or the built-ins.
    expect(loader.origin('recovery_code_valid', 'email.body').kind).toBe('builtin');
  });

  it.each([
    ['email.subject', 'subject', 'S {{ .To }}', 'S ada@example.com'],
    ['email.body', 'body.html', '<p>{{ .To }}</p>', '<p>ada@example.com</p>'],
    ['email.body.plaintext', 'body.plaintext', 'T {{ .ExpiresInMinutes }}', 'T 15'],
  ] as const)('case=file:// URI for %s', async (part, key, text, expected) => {
    const file = join(dir, `uri-${key}.gotmpl`);
    writeFileSync(file, text);
    const email =
      key === 'subject' ? { subject: `file://${file}` } : { body: { [key.slice(5)]: `file://${file}` } };
    const { renderer } = setup({ courier: { templates: { recovery_code: { valid: { email } } } } });
    expect(await renderer.renderPart('recovery_code_valid', part, model)).toBe(expected);
  });

  it('case=http URI is fetched once and cached', async () => {
    const { renderer } = setup({
      courier: { templates: { recovery_code: { valid: { email: { subject: `${httpBase}/subject` } } } } },
    });
    const before = httpHits;
    expect(await renderer.renderPart('recovery_code_valid', 'email.subject', model)).toBe(
      'remote subject for ada@example.com',
    );
    await renderer.renderPart('recovery_code_valid', 'email.subject', model);
    expect(httpHits - before).toBe(1);
  });

  it('case=sms URI under courier.templates.<type>.valid.sms.body.plaintext', async () => {
    const { renderer } = setup({
      courier: {
        templates: {
          login_code: { valid: { email: {}, sms: { body: { plaintext: b64('SMS {{ .LoginCode }}') } } } },
        },
      },
    });
    const m = templateModel('login_code_valid', 'sms', { To: '+1555', LoginCode: '999999' });
    expect(await renderer.renderSms('login_code_valid', m)).toBe('SMS 999999');
  });

  it.each([
    [`${'http://127.0.0.1:1'}/x`, /127\.0\.0\.1:1|fetch failed|ECONNREFUSED/],
    ['grpc://nope', /unknown scheme: in source "grpc:\/\/nope": allowed schemes: http, https, file, base64/],
    ['base64://not base64!', /illegal base64 data at input byte 3/],
    ['file:///does/not/exist.gotmpl', /read file: file:\/\/\/does\/not\/exist\.gotmpl/],
  ])('case=bad URI %s is an error', async (uri, message) => {
    const { renderer } = setup({
      courier: { templates: { recovery_code: { valid: { email: { subject: uri } } } } },
    });
    await expect(renderer.renderPart('recovery_code_valid', 'email.subject', model)).rejects.toThrow(message);
  });

  it('case=http URI that answers 404', async () => {
    const { renderer } = setup({
      courier: { templates: { recovery_code: { valid: { email: { subject: `${httpBase}/missing` } } } } },
    });
    await expect(renderer.renderPart('recovery_code_valid', 'email.subject', model)).rejects.toThrow(
      `expected http response status code 200 but got 404 when fetching: ${httpBase}/missing`,
    );
  });

  it('case=custom templates get the hermetic functions, syntax errors read like Go', async () => {
    const { renderer } = setup({
      courier: { templates: { recovery_code: { valid: { email: { subject: b64('{{ now }}') } } } } },
    });
    await expect(renderer.renderPart('recovery_code_valid', 'email.subject', model)).rejects.toThrow(
      'function "now" not defined',
    );
  });
});

describe('template cache', () => {
  it('case=an edited override file is picked up', async () => {
    const root = join(dir, 'override-edit');
    const path = 'recovery_code/valid/email.subject.gotmpl';
    write(root, path, 'first');
    const { renderer } = setup({ courier: { template_override_path: root } });
    expect(await renderer.renderPart('recovery_code_valid', 'email.subject', model)).toBe('first');
    write(root, path, 'second, longer');
    utimesSync(join(root, path), new Date(), new Date(Date.now() + 5000));
    expect(await renderer.renderPart('recovery_code_valid', 'email.subject', model)).toBe('second, longer');
  });

  it('case=a config change empties the cache', async () => {
    const raw: RawConfig = {
      courier: { templates: { recovery_code: { valid: { email: { subject: b64('one') } } } } },
    };
    const config = courierConfig(raw);
    const loader = new TemplateLoader(new CourierSettings(config));
    const renderer = new TemplateRenderer(loader);
    expect(await renderer.renderPart('recovery_code_valid', 'email.subject', model)).toBe('one');
    (config.raw.courier as { templates: unknown }).templates = {
      recovery_code: { valid: { email: { subject: b64('two') } } },
    };
    expect(await renderer.renderPart('recovery_code_valid', 'email.subject', model)).toBe('two');
  });

  it('case=relative override path falls back to the config file folder', async () => {
    const cfgDir = join(dir, 'cfg');
    write(cfgDir, 'tpl/login_code/valid/email.subject.gotmpl', 'relative {{ .LoginCode }}');
    const settings = new CourierSettings(
      courierConfig({ courier: { template_override_path: 'tpl' } }, true, join(cfgDir, 'kratos.yml')),
    );
    const renderer = new TemplateRenderer(new TemplateLoader(settings));
    const m = templateModel('login_code_valid', 'email', { To: 'a@b.c', LoginCode: '1' });
    expect(await renderer.renderPart('login_code_valid', 'email.subject', m)).toBe('relative 1');
  });
});
