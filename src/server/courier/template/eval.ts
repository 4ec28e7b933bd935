// Evaluation of pipelines, commands, fields, function calls and arguments (the eval* half of
// text/template's exec.go), including Go's argument type checks.

import type { CommandNode, Node, NumberNode, PipeNode } from './ast';
import { nodeString } from './ast';
import { FuncError, TemplateError } from './errors';
import { ExecAbort, ExecState, type Final, MISSING, type Val } from './exec-state';
import { sprint } from './fmt/print';
import { GO_TYPE_OF_PARAM, type FuncDef, type ParamType } from './funcs';
import { goKind, goTypeName, isGoMap, isTrue, mapGet, mapHas } from './values';

export class Evaluator extends ExecState {
  evalPipeline(dot: Val, pipe: PipeNode | null): unknown {
    if (pipe === null) return undefined;
    this.at(pipe);
    let value: Final = MISSING;
    for (const cmd of pipe.cmds) {
      value = this.evalCommand(dot, cmd, value);
      // Go unwraps interface{} results between commands; a nil interface becomes "no value".
      if (value === null) value = undefined;
    }
    const result = value === MISSING ? undefined : value;
    for (const v of pipe.decl) {
      const name = v.ident[0] ?? '';
      if (pipe.isAssign) this.setVar(name, { v: result, iface: false });
      else this.push(name, { v: result, iface: false });
    }
    return result;
  }

  protected notAFunction(args: readonly Node[] | null, final: Final): void {
    if ((args !== null && args.length > 1) || final !== MISSING) {
      this.errorf(`can't give argument to non-function ${args?.[0] ? nodeString(args[0]) : ''}`);
    }
  }

  protected evalCommand(dot: Val, cmd: CommandNode, final: Final): unknown {
    const first = cmd.args[0];
    if (first === undefined) this.errorf('empty command');
    switch (first.type) {
      case 'field':
        return this.evalFieldChain(dot, dot, first, first.ident, cmd.args, final).v;
      case 'chain': {
        this.at(first);
        if (first.node.type === 'nil')
          this.errorf(`indirection through explicit nil in ${nodeString(first)}`);
        const pipe = this.evalArg(dot, null, first.node);
        return this.evalFieldChain(dot, { v: pipe, iface: false }, first, first.field, cmd.args, final).v;
      }
      case 'identifier':
        return this.evalFunction(dot, first.name, first, cmd, cmd.args, final);
      case 'pipe':
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, first);
      case 'variable':
        return this.evalVariable(dot, first.ident, first, cmd.args, final).v;
    }
    this.at(first);
    this.notAFunction(cmd.args, final);
    switch (first.type) {
      case 'bool':
        return first.value;
      case 'dot':
        return dot.v;
      case 'nil':
        this.errorf('nil is not a command');
        break;
      case 'number':
        return this.idealConstant(first);
      case 'string':
        return first.text;
    }
    this.errorf(`can't evaluate command ${JSON.stringify(nodeString(first))}`);
  }

  protected idealConstant(n: NumberNode): unknown {
    this.at(n);
    const isHexInt = /^[+-]?0[xX][0-9a-fA-F_]+$/.test(n.text);
    const isRune = n.text.startsWith("'");
    if (n.isFloat && !isHexInt && !isRune && /[.eEpP]/.test(n.text)) return n.float64;
    if (n.isInt) return n.int64;
    if (n.isUint) this.errorf(`${n.text} overflows int`);
    return undefined;
  }

  protected evalVariable(
    dot: Val,
    ident: string[],
    node: Node,
    args: readonly Node[] | null,
    final: Final,
  ): Val {
    this.at(node);
    const value = this.varValue(ident[0] ?? '');
    if (ident.length === 1) {
      this.notAFunction(args, final);
      return value;
    }
    return this.evalFieldChain(dot, value, node, ident.slice(1), args, final);
  }

  protected evalFieldChain(
    dot: Val,
    receiver: Val,
    node: Node,
    ident: readonly string[],
    args: readonly Node[] | null,
    final: Final,
  ): Val {
    this.at(node);
    let recv = receiver;
    const n = ident.length;
    for (let i = 0; i < n - 1; i++) recv = this.evalField(ident[i] ?? '', null, MISSING, recv);
    return this.evalField(ident[n - 1] ?? '', args, final, recv);
  }

  protected evalField(fieldName: string, args: readonly Node[] | null, final: Final, receiver: Val): Val {
    const r = receiver.v;
    if (r === undefined) {
      if (this.opts.missingKey === 'error')
        this.errorf(`nil data; no entry for key ${JSON.stringify(fieldName)}`);
      return { v: undefined, iface: false };
    }
    const typ = receiver.iface ? 'interface {}' : goTypeName(r);
    if (r === null) this.errorf(`nil pointer evaluating ${typ}.${fieldName}`);
    const hasArgs = (args !== null && args.length > 1) || final !== MISSING;
    if (isGoMap(r)) {
      if (hasArgs) this.errorf(`${fieldName} is not a method but has arguments`);
      if (mapHas(r, fieldName)) return { v: mapGet(r, fieldName), iface: true };
      switch (this.opts.missingKey) {
        case 'zero':
          return { v: null, iface: true };
        case 'error':
          this.errorf(`map has no entry for key ${JSON.stringify(fieldName)}`);
          break;
        default:
          return { v: undefined, iface: false };
      }
    }
    this.errorf(`can't evaluate field ${fieldName} in type ${typ}`);
  }

  protected evalFunction(
    dot: Val,
    name: string,
    ident: Node,
    node: Node,
    args: readonly Node[],
    final: Final,
  ): unknown {
    this.at(ident);
    const fn = this.opts.funcs.get(name);
    if (fn === undefined) this.errorf(`${JSON.stringify(name)} is not a defined function`);
    return this.evalCall(dot, fn, name, node, args, final);
  }

  protected evalCall(
    dot: Val,
    fn: FuncDef,
    name: string,
    node: Node,
    allArgs: readonly Node[],
    final: Final,
  ): unknown {
    const args = allArgs.slice(1);
    let numIn = args.length;
    if (final !== MISSING) numIn++;
    const numParams = fn.params.length + (fn.variadic ? 1 : 0);
    let numFixed = args.length;
    if (fn.variadic) {
      numFixed = fn.params.length;
      if (numIn < numFixed)
        this.errorf(`wrong number of args for ${name}: want at least ${numFixed} got ${args.length}`);
    } else if (numIn !== numParams) {
      this.errorf(`wrong number of args for ${name}: want ${numParams} got ${numIn}`);
    }

    // and/or short-circuit, returning the deciding operand itself.
    if (name === 'and' || name === 'or') {
      let v: unknown = undefined;
      for (const a of args) {
        v = this.evalArg(dot, 'value', a);
        if (isTrue(v) === (name === 'or')) return v;
      }
      if (final !== MISSING) v = final;
      return v;
    }

    const argv: unknown[] = [];
    let i = 0;
    for (; i < numFixed && i < args.length; i++)
      argv.push(this.evalArg(dot, fn.params[i] ?? 'any', args[i] as Node));
    if (fn.variadic) {
      for (; i < args.length; i++) argv.push(this.evalArg(dot, fn.variadic, args[i] as Node));
    }
    if (final !== MISSING) {
      let t: ParamType;
      if (fn.variadic) t = numIn - 1 < numFixed ? (fn.params[numIn - 1] ?? 'any') : fn.variadic;
      else t = fn.params[numParams - 1] ?? 'any';
      argv.push(this.validateType({ v: final, iface: false }, t));
    }
    if (name === 'call') {
      // Go's call builtin names the callee in its errors.
      const callee = args.length === 0 ? sprint([final]) : nodeString(args[0] as Node);
      argv.unshift(callee);
    }
    return this.callFunc(fn, name, argv, node);
  }

  protected callFunc(fn: FuncDef, name: string, argv: unknown[], node: Node): unknown {
    try {
      return fn.fn(...argv);
    } catch (e) {
      if (e instanceof FuncError) {
        this.at(node);
        this.errorf(`error calling ${name}: ${e.message}`);
      }
      if (e instanceof TemplateError || e instanceof ExecAbort) throw e;
      if (e instanceof RangeError && /call stack/i.test(e.message)) throw e;
      // A JS exception inside a function is Go's recovered panic.
      this.at(node);
      this.errorf(`error calling ${name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** Go's evalArg: evaluate an argument node for a parameter of the given type. */
  protected evalArg(dot: Val, typ: ParamType | null, n: Node): unknown {
    this.at(n);
    switch (n.type) {
      case 'dot':
        return this.validateType(dot, typ);
      case 'nil':
        if (typ === null || typ === 'any' || typ === 'map' || typ === 'slice') return null;
        if (typ === 'value') return undefined;
        this.errorf(`cannot assign nil to ${GO_TYPE_OF_PARAM[typ]}`);
        break;
      case 'field':
        return this.validateType(this.evalFieldChain(dot, dot, n, n.ident, [n], MISSING), typ);
      case 'variable':
        return this.validateType(this.evalVariable(dot, n.ident, n, null, MISSING), typ);
      case 'pipe':
        return this.validateType({ v: this.evalPipeline(dot, n), iface: false }, typ);
      case 'identifier': {
        const fn = this.opts.funcs.get(n.name);
        if (fn === undefined) this.errorf(`${JSON.stringify(n.name)} is not a defined function`);
        return this.validateType({ v: this.evalCall(dot, fn, n.name, n, [n], MISSING), iface: false }, typ);
      }
      case 'chain': {
        if (n.node.type === 'nil') this.errorf(`indirection through explicit nil in ${nodeString(n)}`);
        const base = this.evalArg(dot, null, n.node);
        return this.validateType(
          this.evalFieldChain(dot, { v: base, iface: false }, n, n.field, null, MISSING),
          typ,
        );
      }
    }
    switch (typ) {
      case 'bool':
        if (n.type === 'bool') return n.value;
        this.errorf(`expected bool; found ${nodeString(n)}`);
        break;
      case 'float64':
        if (n.type === 'number' && n.isFloat) return n.float64;
        this.errorf(`expected float; found ${nodeString(n)}`);
        break;
      case 'int':
        if (n.type === 'number' && n.isInt) return n.int64;
        this.errorf(`expected integer; found ${nodeString(n)}`);
        break;
      case 'string':
        if (n.type === 'string') return n.text;
        this.errorf(`expected string; found ${nodeString(n)}`);
        break;
      case null:
      case 'any':
      case 'value':
        return this.evalEmptyInterface(n);
    }
    this.errorf(`can't handle ${nodeString(n)} for arg of type ${GO_TYPE_OF_PARAM[typ]}`);
  }

  protected evalEmptyInterface(n: Node): unknown {
    this.at(n);
    switch (n.type) {
      case 'bool':
        return n.value;
      case 'number':
        return this.idealConstant(n);
      case 'string':
        return n.text;
    }
    this.errorf(`can't handle assignment of ${nodeString(n)} to empty interface argument`);
  }

  /** Go's validateType: check that a data value fits a parameter type. */
  protected validateType(val: Val, typ: ParamType | null): unknown {
    const v = val.v;
    if (typ === null) return v;
    if (v === undefined) {
      if (typ === 'value') return undefined;
      if (typ === 'any' || typ === 'map' || typ === 'slice') return null;
      this.errorf(`invalid value; expected ${GO_TYPE_OF_PARAM[typ]}`);
    }
    const kind = goKind(v);
    let ok: boolean;
    switch (typ) {
      case 'value':
      case 'any':
        return v;
      case 'string':
        ok = kind === 'string';
        break;
      case 'int':
        ok = kind === 'int';
        break;
      case 'float64':
        ok = kind === 'float64';
        break;
      case 'bool':
        ok = kind === 'bool';
        break;
      case 'map':
        ok = kind === 'map' || (kind === 'nil' && !val.iface);
        break;
      case 'slice':
        ok = kind === 'slice' || (kind === 'nil' && !val.iface);
        break;
    }
    if (!ok) {
      const got =
        kind === 'nil' || val.iface ? (kind === 'nil' ? 'interface {}' : goTypeName(v)) : goTypeName(v);
      this.errorf(`wrong type for value; expected ${GO_TYPE_OF_PARAM[typ]}; got ${got}`);
    }
    return v;
  }
}
