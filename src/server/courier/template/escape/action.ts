// Escaping an action (escape.go escapeAction and ensurePipelineContains): chooses the escapers
// for the action's context and appends them to its pipeline, merging with a trailing predefined
// `html` or `urlquery` as Go does.

import type { ActionNode, CommandNode, Node, PipeNode } from '../ast';
import { nodeString } from '../ast';
import { errorCtx, isComment, nodeErr, nudge, type Context } from './context';

const PREDEFINED = new Set(['html', 'urlquery']);
const EQUIV: Readonly<Record<string, string>> = {
  _html_template_attrescaper: 'html',
  _html_template_htmlescaper: 'html',
  _html_template_rcdataescaper: 'html',
  _html_template_urlescaper: 'urlquery',
  _html_template_urlnormalizer: 'urlquery',
};
const REDUNDANT: Readonly<Record<string, readonly string[]>> = {
  _html_template_commentescaper: ['_html_template_attrescaper', '_html_template_htmlescaper'],
  _html_template_cssescaper: ['_html_template_attrescaper'],
  _html_template_jsregexpescaper: ['_html_template_attrescaper'],
  _html_template_jsstrescaper: ['_html_template_attrescaper'],
  _html_template_urlescaper: ['_html_template_urlnormalizer'],
};
const normalizeEsc = (e: string): string => EQUIV[e] ?? e;

export function escapeAction(cIn: Context, n: ActionNode): [Context, Node] {
  if (n.pipe.decl.length !== 0) return [cIn, n];
  let c = nudge(cIn);
  const cmds = n.pipe.cmds;
  for (let pos = 0; pos < cmds.length; pos++) {
    const first = cmds[pos]?.args[0];
    if (first?.type !== 'identifier' || !PREDEFINED.has(first.name)) continue;
    if (
      pos < cmds.length - 1 ||
      (c.state === 'stateAttr' && c.delim === 'delimSpaceOrTagEnd' && first.name === 'html')
    ) {
      return [nodeErr(n, `predefined escaper ${JSON.stringify(first.name)} disallowed in template`), n];
    }
  }
  const s: string[] = [];
  switch (c.state) {
    case 'stateError':
      return [c, n];
    case 'stateURL':
    case 'stateCSSDqStr':
    case 'stateCSSSqStr':
    case 'stateCSSDqURL':
    case 'stateCSSSqURL':
    case 'stateCSSURL':
      switch (c.urlPart) {
        case 'urlPartNone':
        case 'urlPartPreQuery':
          if (c.urlPart === 'urlPartNone') s.push('_html_template_urlfilter');
          s.push(
            c.state === 'stateCSSDqStr' || c.state === 'stateCSSSqStr'
              ? '_html_template_cssescaper'
              : '_html_template_urlnormalizer',
          );
          break;
        case 'urlPartQueryOrFrag':
          s.push('_html_template_urlescaper');
          break;
        case 'urlPartUnknown':
          return [nodeErr(n, `${nodeString(n)} appears in an ambiguous context within a URL`), n];
      }
      break;
    case 'stateJS':
      s.push('_html_template_jsvalescaper');
      c = { ...c, jsCtx: 'jsCtxDivOp' };
      break;
    case 'stateJSDqStr':
    case 'stateJSSqStr':
      s.push('_html_template_jsstrescaper');
      break;
    case 'stateJSTmplLit':
      s.push('_html_template_jstmpllitescaper');
      break;
    case 'stateJSRegexp':
      s.push('_html_template_jsregexpescaper');
      break;
    case 'stateCSS':
      s.push('_html_template_cssvaluefilter');
      break;
    case 'stateText':
      s.push('_html_template_htmlescaper');
      break;
    case 'stateRCDATA':
      s.push('_html_template_rcdataescaper');
      break;
    case 'stateAttr':
      break;
    case 'stateAttrName':
    case 'stateTag':
      c = { ...c, state: 'stateAttrName' };
      s.push('_html_template_htmlnamefilter');
      break;
    case 'stateSrcset':
      s.push('_html_template_srcsetescaper');
      break;
    default:
      if (isComment(c.state)) s.push('_html_template_commentescaper');
      else return [errorCtx(`unexpected state ${c.state}`), n];
  }
  if (c.delim === 'delimSpaceOrTagEnd') s.push('_html_template_nospaceescaper');
  else if (c.delim !== 'delimNone') s.push('_html_template_attrescaper');
  return [c, { ...n, pipe: ensurePipelineContains(n.pipe, s) }];
}

function identCmd(name: string, pipe: PipeNode): CommandNode {
  return {
    type: 'command',
    pos: pipe.pos,
    src: pipe.src,
    args: [{ type: 'identifier', name, pos: pipe.pos, src: pipe.src }],
  };
}

function firstIdent(cmd: CommandNode | undefined): string | undefined {
  const a = cmd?.args[0];
  return a?.type === 'identifier' ? a.name : undefined;
}

/** Go's ensurePipelineContains: append escapers, merging with a trailing html/urlquery. */
export function ensurePipelineContains(p: PipeNode, sIn: string[]): PipeNode {
  if (sIn.length === 0) return p;
  const s = [...sIn];
  let cmds = [...p.cmds];
  let pipelineLen = cmds.length;
  const last = cmds[pipelineLen - 1];
  const esc = firstIdent(last);
  if (last && esc !== undefined && PREDEFINED.has(esc)) {
    if (cmds.length === 1 && last.args.length > 1) {
      // {{html .X .Y}} becomes {{_eval_args_ .X .Y | html}} so html can merge with s.
      const head = last.args[0] as Node;
      cmds = [
        {
          ...last,
          args: [
            { type: 'identifier', name: '_eval_args_', pos: head.pos, src: head.src },
            ...last.args.slice(1),
          ],
        },
        identCmd(esc, p),
      ];
      pipelineLen++;
    }
    let dup = false;
    s.forEach((e, i) => {
      if (normalizeEsc(esc) === normalizeEsc(e)) {
        s[i] = esc;
        dup = true;
      }
    });
    if (dup) pipelineLen--;
  }
  const newCmds = cmds.slice(0, pipelineLen);
  const inserted = new Set(
    newCmds
      .map(firstIdent)
      .filter((x): x is string => x !== undefined)
      .map(normalizeEsc),
  );
  for (const name of s) {
    if (inserted.has(normalizeEsc(name))) continue;
    const prev = firstIdent(newCmds[newCmds.length - 1]);
    if (prev !== undefined && REDUNDANT[prev]?.includes(name)) continue;
    newCmds.push(identCmd(name, p));
  }
  return { ...p, cmds: newCmds };
}
