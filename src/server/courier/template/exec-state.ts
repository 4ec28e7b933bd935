// Executor state shared by evaluation and walking (text/template's exec.go `state`): the output,
// the variable stack, the node being executed (for error positions) and the template name.

import type { ListNode, Node } from './ast';
import { errorContext } from './ast';
import { TemplateError } from './errors';
import type { FuncMap } from './funcs';

export type MissingKey = 'default' | 'zero' | 'error';

export interface ExecOptions {
  readonly funcs: FuncMap;
  readonly lookup: (name: string) => ListNode | undefined;
  readonly missingKey: MissingKey;
  /** html/template: maps an action's escaper names to functions. */
  readonly escapers?: ReadonlyMap<string, (args: unknown[]) => string>;
}

/** A value plus whether its static Go type is interface{} (see exec.ts's header comment). */
export interface Val {
  v: unknown;
  iface: boolean;
}

/** The "no final value" marker of a pipeline's first command. */
export const MISSING: unique symbol = Symbol('missing final');
export type Final = unknown | typeof MISSING;

export type Flow = 'break' | 'continue' | undefined;

export const MAX_EXEC_DEPTH = 100000;

export class ExecAbort extends Error {}

export class ExecState {
  protected out: string[] = [];
  protected node: Node | null = null;
  protected vars: { name: string; val: Val }[] = [];
  protected depth = 0;

  constructor(
    protected readonly opts: ExecOptions,
    protected tmplName: string,
  ) {}

  // --- errors --------------------------------------------------------------------------------

  protected at(n: Node): void {
    this.node = n;
  }

  errorf(msg: string): never {
    const name = this.tmplName;
    if (this.node === null) throw new TemplateError(`template: ${name}: ${msg}`, 'exec');
    const { location, context } = errorContext(this.node);
    throw new TemplateError(
      `template: ${location}: executing ${JSON.stringify(name)} at <${context}>: ${msg}`,
      'exec',
    );
  }

  // --- variables -----------------------------------------------------------------------------

  protected mark(): number {
    return this.vars.length;
  }

  protected pop(mark: number): void {
    this.vars.length = mark;
  }

  protected push(name: string, val: Val): void {
    this.vars.push({ name, val });
  }

  protected setVar(name: string, val: Val): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      const e = this.vars[i];
      if (e && e.name === name) {
        e.val = val;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }

  protected setTopVar(n: number, val: Val): void {
    const e = this.vars[this.vars.length - n];
    if (e) e.val = val;
  }

  protected varValue(name: string): Val {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      const e = this.vars[i];
      if (e && e.name === name) return e.val;
    }
    this.errorf(`undefined variable: ${name}`);
  }
}
