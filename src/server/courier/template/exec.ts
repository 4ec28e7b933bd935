// The executor: walks parse trees with text/template's semantics (exec.go); expressions are
// evaluated by eval.ts, and the shared state lives in exec-state.ts. Values follow the
// model in values.ts; `undefined` is Go's invalid reflect.Value ("<no value>") and `null` a nil
// interface{}. Where Go's messages depend on a value's static type ("in type interface {}"), we
// carry an `iface` flag: values read out of a map or a slice are interface{}-typed in Go.

import type { BranchNode, ActionNode, ListNode, Node, TemplateNode } from './ast';
import { nodeString } from './ast';
import { Evaluator } from './eval';
import { MAX_EXEC_DEPTH, type Flow, type Val } from './exec-state';
import { sprint } from './fmt/print';
import { goKind, goTypeName, isTrue, mapEntries, type GoMap } from './values';

export type { ExecOptions, MissingKey } from './exec-state';

export class Executor extends Evaluator {
  run(root: ListNode, data: unknown): string {
    const dot: Val = { v: data, iface: false };
    this.vars = [{ name: '$', val: dot }];
    try {
      this.walk(dot, root);
    } catch (e) {
      if (e instanceof RangeError && /call stack/i.test(e.message)) {
        this.node = null;
        this.errorf(`exceeded maximum template depth (${MAX_EXEC_DEPTH})`);
      }
      throw e;
    }
    return this.out.join('');
  }

  private walk(dot: Val, n: Node): Flow {
    this.at(n);
    switch (n.type) {
      case 'action':
        return this.walkAction(dot, n);
      case 'break':
        return 'break';
      case 'continue':
        return 'continue';
      case 'comment':
        return undefined;
      case 'if':
      case 'with':
        return this.walkIfOrWith(dot, n);
      case 'list':
        for (const c of n.nodes) {
          const flow = this.walk(dot, c);
          if (flow) return flow;
        }
        return undefined;
      case 'range':
        return this.walkRange(dot, n);
      case 'template':
        this.walkTemplate(dot, n);
        return undefined;
      case 'text':
        this.out.push(n.text);
        return undefined;
      default:
        this.errorf(`unknown node: ${nodeString(n)}`);
    }
  }

  private walkAction(dot: Val, n: ActionNode): Flow {
    const val = this.evalPipeline(dot, n.pipe);
    if (n.pipe.decl.length > 0) return undefined;
    if (n.escapers && n.escapers.length > 0) {
      this.out.push(this.applyEscapers(n, val));
      return undefined;
    }
    this.at(n);
    if (goKind(val) === 'func') this.errorf(`can't print ${nodeString(n)} of type ${goTypeName(val)}`);
    this.out.push(val === undefined ? '<no value>' : sprint([val]));
    return undefined;
  }

  private applyEscapers(n: ActionNode, val: unknown): string {
    // html/template appends escaper commands to the pipeline; each receives the previous
    // result as its only argument. A missing value reaches the first escaper as a nil
    // interface{}, which the escapers print as the empty string.
    let cur: unknown = val === undefined ? null : val;
    for (const name of n.escapers ?? []) {
      const fn = this.opts.escapers?.get(name);
      if (fn) {
        cur = fn([cur]);
        continue;
      }
      const def = this.opts.funcs.get(name);
      if (!def) this.errorf(`${JSON.stringify(name)} is not a defined function`);
      cur = this.callFunc(def, name, [cur], n);
    }
    return typeof cur === 'string' ? cur : sprint([cur]);
  }

  private walkIfOrWith(dot: Val, n: BranchNode): Flow {
    const mark = this.mark();
    try {
      const val = this.evalPipeline(dot, n.pipe);
      if (isTrue(val)) {
        return this.walk(n.type === 'with' ? { v: val, iface: false } : dot, n.list);
      } else if (n.elseList) {
        return this.walk(dot, n.elseList);
      }
      return undefined;
    } finally {
      this.pop(mark);
    }
  }

  private walkRange(dot: Val, r: BranchNode): Flow {
    this.at(r);
    const outer = this.mark();
    try {
      const val = this.evalPipeline(dot, r.pipe);
      const mark = this.mark();
      const decl = r.pipe.decl;
      const one = (index: Val, elem: Val): Flow => {
        if (decl.length > 0) {
          if (r.pipe.isAssign) {
            if (decl.length > 1) this.setVar(decl[0]?.ident[0] ?? '', index);
            else this.setVar(decl[0]?.ident[0] ?? '', elem);
          } else {
            this.setTopVar(1, elem);
          }
        }
        if (decl.length > 1) {
          if (r.pipe.isAssign) this.setVar(decl[1]?.ident[0] ?? '', elem);
          else this.setTopVar(2, index);
        }
        try {
          return this.walk(elem, r.list);
        } finally {
          this.pop(mark);
        }
      };
      let ran = false;
      switch (goKind(val)) {
        case 'slice': {
          const arr = val as unknown[];
          for (let i = 0; i < arr.length; i++) {
            ran = true;
            if (one({ v: BigInt(i), iface: false }, { v: arr[i], iface: true }) === 'break') break;
          }
          break;
        }
        case 'map':
          for (const [k, v] of mapEntries(val as GoMap)) {
            ran = true;
            if (one({ v: k, iface: false }, { v, iface: true }) === 'break') break;
          }
          break;
        case 'int': {
          if (decl.length > 1)
            this.errorf(`can't use ${sprint([val])} to iterate over more than one variable`);
          const n = val as bigint;
          for (let i = 0n; i < n; i++) {
            ran = true;
            if (one({ v: i, iface: false }, { v: i, iface: false }) === 'break') break;
          }
          break;
        }
        case 'invalid':
        case 'nil':
          break;
        case 'func':
          // Go 1.23 range-over-func iterators: our data has no iterator functions.
          this.errorf(`range can't iterate over ${sprint([val])}`);
          break;
        default:
          this.errorf(`range can't iterate over ${sprint([val])}`);
      }
      if (!ran && r.elseList) return this.walk(dot, r.elseList);
      return undefined;
    } finally {
      this.pop(outer);
    }
  }

  private walkTemplate(dot: Val, t: TemplateNode): void {
    this.at(t);
    const root = this.opts.lookup(t.name);
    if (root === undefined) this.errorf(`template ${JSON.stringify(t.name)} not defined`);
    if (this.depth >= MAX_EXEC_DEPTH) this.errorf(`exceeded maximum template depth (${MAX_EXEC_DEPTH})`);
    const v = this.evalPipeline(dot, t.pipe);
    const newDot: Val = { v, iface: false };
    const saved = { vars: this.vars, name: this.tmplName };
    this.vars = [{ name: '$', val: newDot }];
    this.tmplName = t.name;
    this.depth++;
    try {
      this.walk(newDot, root);
    } finally {
      this.depth--;
      this.vars = saved.vars;
      this.tmplName = saved.name;
    }
  }
}
