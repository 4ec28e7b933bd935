// Public API of the Go template engine used by the courier to render Kratos email/SMS templates.
//
// parseTemplateSet mirrors Kratos's loading: every source is parsed into one template namespace
// (like Go's template.New(name).Funcs(sprig).ParseFS(...)), so {{template "x"}} works across
// sources, later non-empty definitions replace earlier ones, and html mode applies
// html/template's contextual escaping when a template is first rendered.
//
// Function sets:
//   'hermetic' - Go builtins + Sprig's hermetic map (Kratos: custom and remote templates)
//   'builtin'  - what Kratos gives its bundled templates (full Sprig). The non-hermetic extras
//                (now, date, env, rand*, uuidv4, getHostByName) are not implemented, so this is
//                currently the same table as 'hermetic'; the option keeps the caller explicit.
//   'none'     - Go builtins only (plain text/template); useful to compare with stdlib Go.
// Nothing is cached globally: callers cache TemplateSet objects.

import type { ListNode } from './ast';
import { BUILTINS } from './builtins';
import { TemplateError } from './errors';
import { escapeTemplateSet } from './escape/escaper';
import { ESCAPER_FUNCDEFS } from './escape/escapers';
import { Executor, type MissingKey } from './exec';
import type { FuncDef, FuncMap } from './funcs';
import { parseSource } from './parser';
import { SPRIG_HERMETIC } from './sprig';
import { isEmptyTree } from './ast';

export { TemplateError } from './errors';

export type TemplateMode = 'text' | 'html';
export type FuncSet = 'hermetic' | 'builtin' | 'none';

export interface ParseOptions {
  mode: TemplateMode;
  funcs?: FuncSet;
  /** Go's missingkey option; Kratos uses the default ("<no value>"). */
  missingKey?: MissingKey;
}

export interface TemplateSet {
  readonly mode: TemplateMode;
  /** Names of all templates in the set (sources and {{define}}s), sorted. */
  readonly names: readonly string[];
  /** Executes the named template. Throws TemplateError with a Go-like message. */
  render(name: string, data: unknown): string;
}

function funcTable(set: FuncSet): FuncMap {
  const m = new Map<string, FuncDef>(BUILTINS);
  // Functions added with Funcs() take precedence over builtins in Go (Sprig's `slice` wins).
  if (set !== 'none') for (const [k, v] of SPRIG_HERMETIC) m.set(k, v);
  return m;
}

class GoTemplateSet implements TemplateSet {
  private readonly escaped = new Map<string, { trees: Map<string, ListNode>; error?: TemplateError }>();

  constructor(
    readonly mode: TemplateMode,
    private readonly trees: Map<string, ListNode>,
    private readonly funcs: FuncMap,
    private readonly missingKey: MissingKey,
  ) {}

  get names(): readonly string[] {
    return [...this.trees.keys()].sort();
  }

  render(name: string, data: unknown): string {
    let trees = this.trees;
    const root = trees.get(name);
    if (root === undefined) {
      throw new TemplateError(
        this.mode === 'html'
          ? `html/template: ${JSON.stringify(name)} is undefined`
          : `template: no template ${JSON.stringify(name)} associated with template ${JSON.stringify(name)}`,
        'exec',
      );
    }
    if (this.mode === 'html') {
      let entry = this.escaped.get(name);
      if (entry === undefined) {
        try {
          entry = { trees: escapeTemplateSet(this.trees, name) };
        } catch (e) {
          if (!(e instanceof TemplateError)) throw e;
          entry = { trees: new Map(), error: e };
        }
        this.escaped.set(name, entry);
      }
      if (entry.error) throw entry.error;
      trees = entry.trees;
    }
    const exec = new Executor(
      {
        funcs: this.funcs,
        lookup: (n) => trees.get(n),
        missingKey: this.missingKey,
      },
      name,
    );
    const tree = trees.get(name);
    if (tree === undefined)
      throw new TemplateError(`template: ${name}: "${name}" is an incomplete or empty template`, 'exec');
    return exec.run(tree, data);
  }
}

/**
 * Parses named sources into one template set. Throws TemplateError on the first syntax error
 * (sources are parsed in the object's key order, like files in a glob).
 */
export function parseTemplateSet(sources: Record<string, string>, options: ParseOptions): TemplateSet {
  const userFuncs = funcTable(options.funcs ?? 'hermetic');
  const hasFunc = (n: string): boolean => userFuncs.has(n);
  // html mode: rewritten pipelines call the escapers, which templates cannot name themselves.
  const funcs = options.mode === 'html' ? new Map([...userFuncs, ...ESCAPER_FUNCDEFS]) : userFuncs;
  const trees = new Map<string, ListNode>();
  for (const [name, text] of Object.entries(sources)) {
    for (const [tname, root] of parseSource(name, text, hasFunc)) {
      // Go's associate(): an empty (whitespace/comment only) body never replaces a definition.
      const old = trees.get(tname);
      if (old !== undefined && isEmptyTree(root)) continue;
      trees.set(tname, root);
    }
  }
  return new GoTemplateSet(options.mode, trees, funcs, options.missingKey ?? 'default');
}

/** Parses and renders a single template source named "template". */
export function renderTemplate(
  source: string,
  data: unknown,
  mode: TemplateMode,
  funcs: FuncSet = 'hermetic',
): string {
  return parseTemplateSet({ template: source }, { mode, funcs }).render('template', data);
}
