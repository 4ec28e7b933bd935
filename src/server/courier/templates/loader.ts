// Finds and parses one template file the way Kratos does (courier/template/load_template.go):
//   1. a URI configured under courier.templates.<type>… wins; it is parsed alone with the hermetic
//      Sprig functions;
//   2. else, if courier.template_override_path holds `<dir>/<part>.gotmpl`, every file matching
//      `<dir>/<part>*` is parsed into one set (i18n sub-templates such as
//      `email.body.html.en_US.gotmpl`), hermetic functions, and `<part>.gotmpl` is executed;
//   3. else the built-in file from resources/courier/templates, with Kratos's built-in function set.
// Parsed sets are kept in an LRU of 16. Unlike Kratos, whose cache never notices an edited file,
// the keys include file versions, and a change of the courier template config empties the cache.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resourcesDir } from '../../resources';
import type { TemplatePart } from '../config';
import type { TemplateType } from '../model';
import { type FuncSet, parseTemplateSet, type TemplateSet } from '../template';
import { Lru } from './lru';
import {
  fetchTemplateSource,
  overrideFiles,
  redactedSource,
  resolveOverrideRoot,
  sourceVersion,
  TemplateSourceError,
} from './sources';
import { TEMPLATE_SPECS } from './spec';

export type TemplateOriginKind = 'uri' | 'override' | 'builtin';

export interface TemplateOrigin {
  kind: TemplateOriginKind;
  /** The URI (base64 redacted), the override file path, or the built-in path below the template root. */
  location: string;
}

export interface LoadedTemplate {
  set: TemplateSet;
  /** The template to execute. */
  root: string;
  origin: TemplateOrigin;
}

export interface TemplateConfigSource {
  templateURI(type: TemplateType, part: TemplatePart): string;
  templateOverridePath(): string;
  templatesFingerprint(): string;
  readonly config: { options: { file?: string } };
}

export const PART_MODE: Readonly<Record<TemplatePart, 'text' | 'html'>> = {
  'email.subject': 'text',
  'email.body': 'html',
  'email.body.plaintext': 'text',
  'sms.body': 'text',
};

export class TemplateLoader {
  private readonly cache = new Lru<string, LoadedTemplate>(16);
  private fingerprint: string | undefined;

  constructor(
    private readonly settings: TemplateConfigSource,
    private readonly opts: { builtinDir?: string; fetch?: typeof fetch } = {},
  ) {}

  builtinDir(): string {
    return this.opts.builtinDir ?? join(resourcesDir(), 'courier', 'templates');
  }

  invalidate(): void {
    this.cache.clear();
  }

  /** Where a template file would come from, without reading it. */
  origin(type: TemplateType, part: TemplatePart): TemplateOrigin {
    const uri = this.settings.templateURI(type, part);
    if (uri) return { kind: 'uri', location: redactedSource(uri) };
    const name = `${TEMPLATE_SPECS[type].dir}/${part}.gotmpl`;
    const override = this.overrideMatch(type, part);
    if (override) return { kind: 'override', location: join(override.root, name) };
    return { kind: 'builtin', location: name };
  }

  async load(type: TemplateType, part: TemplatePart): Promise<LoadedTemplate> {
    const fingerprint = this.settings.templatesFingerprint();
    if (fingerprint !== this.fingerprint) {
      this.cache.clear();
      this.fingerprint = fingerprint;
    }
    const mode = PART_MODE[part];
    const uri = this.settings.templateURI(type, part);
    if (uri) {
      return this.cached(`uri|${mode}|${uri}|${sourceVersion(uri)}`, async () => ({
        set: this.parse({ [uri]: await fetchTemplateSource(uri, this.opts.fetch) }, mode, 'hermetic'),
        root: uri,
        origin: { kind: 'uri', location: redactedSource(uri) },
      }));
    }
    const root = `${part}.gotmpl`;
    const name = `${TEMPLATE_SPECS[type].dir}/${root}`;
    const override = this.overrideMatch(type, part);
    if (override) {
      const key = `override|${mode}|${override.root}|${name}|${override.files.map((f) => `${f.name}@${f.version}`).join(',')}`;
      return this.cached(key, () => {
        const sources: Record<string, string> = {};
        for (const file of override.files) sources[file.name] = readFileSync(file.path, 'utf8');
        return Promise.resolve({
          set: this.parse(sources, mode, 'hermetic'),
          root,
          origin: { kind: 'override', location: join(override.root, name) },
        });
      });
    }
    const path = join(this.builtinDir(), name);
    return this.cached(`builtin|${mode}|${path}|${sourceVersion(`file://${path}`)}`, () => {
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch {
        throw new TemplateSourceError(`open ${name}: file does not exist`);
      }
      return Promise.resolve({
        set: this.parse({ [root]: text }, mode, 'builtin'),
        root,
        origin: { kind: 'builtin', location: name },
      });
    });
  }

  private overrideMatch(
    type: TemplateType,
    part: TemplatePart,
  ): { root: string; files: ReturnType<typeof overrideFiles> } | undefined {
    const configured = this.settings.templateOverridePath();
    if (!configured) return undefined;
    const root = resolveOverrideRoot(configured, this.settings.config.options.file);
    const files = overrideFiles(root, TEMPLATE_SPECS[type].dir, part);
    // Only the exact file switches to the override folder; its siblings alone do not.
    if (!files.some((f) => f.name === `${part}.gotmpl`)) return undefined;
    return { root, files };
  }

  private parse(sources: Record<string, string>, mode: 'text' | 'html', funcs: FuncSet): TemplateSet {
    return parseTemplateSet(sources, { mode, funcs });
  }

  private async cached(key: string, build: () => Promise<LoadedTemplate>): Promise<LoadedTemplate> {
    const hit = this.cache.get(key);
    if (hit) return hit;
    const loaded = await build();
    this.cache.set(key, loaded);
    return loaded;
  }
}
