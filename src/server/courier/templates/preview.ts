// Template preview for the console: renders any template type with sample data, given data, or
// unsaved template text, and reports problems as data so the editor can show them inline.
import type { TemplatePart } from '../config';
import { isTemplateType } from '../model';
import { parseTemplateSet } from '../template';
import type { TemplateOrigin } from './loader';
import { type JsonObject, jsonSafe, templateModel } from './model';
import type { TemplateRenderer } from './render';
import { sampleModel } from './samples';
import { type Channel, fieldsOf } from './spec';

export interface PreviewInput {
  templateType: string;
  /** Defaults to email, or sms for a type without an email variant. */
  channel?: Channel;
  /** Go field names (`RecoveryCode`, `ExpiresInMinutes`, ...); merged over the sample data. */
  model?: Record<string, unknown>;
  /** Start from sample data (default true). */
  sample?: boolean;
  /** Unsaved template text per part, parsed like a custom template (hermetic functions). */
  sources?: Partial<Record<TemplatePart, string>>;
}

export interface PreviewPart {
  output?: string;
  error?: string;
  origin: TemplateOrigin | { kind: 'inline'; location: string };
}

export interface PreviewResult {
  ok: boolean;
  templateType: string;
  channel: Channel;
  /** The model used, JSON-safe (Go ints as numbers), with Go field names. */
  model: JsonObject;
  subject?: PreviewPart;
  plaintext?: PreviewPart;
  html?: PreviewPart;
  sms?: PreviewPart;
  /** A problem with the request itself (unknown type, no such channel variant). */
  error?: string;
}

const EMAIL_PARTS: readonly [key: 'subject' | 'plaintext' | 'html', part: TemplatePart][] = [
  ['subject', 'email.subject'],
  ['plaintext', 'email.body.plaintext'],
  ['html', 'email.body'],
];

export async function previewTemplate(
  renderer: TemplateRenderer,
  input: PreviewInput,
  ctx: { publicBase: URL; now: Date },
): Promise<PreviewResult> {
  const type = input.templateType;
  const channel: Channel =
    input.channel ?? (isTemplateType(type) && !fieldsOf(type, 'email') ? 'sms' : 'email');
  const result: PreviewResult = { ok: false, templateType: type, channel, model: {} };
  if (!isTemplateType(type)) return { ...result, error: `unknown template type ${JSON.stringify(type)}` };
  if (!fieldsOf(type, channel))
    return { ...result, error: `template type ${type} has no ${channel} variant` };

  const given = {
    ...(input.sample === false ? {} : sampleModel(type, channel, ctx.publicBase, ctx.now)),
    ...input.model,
  };
  const model = templateModel(type, channel, given);
  result.model = jsonSafe(model) as JsonObject;

  const one = async (part: TemplatePart): Promise<PreviewPart> => {
    const inline = input.sources?.[part];
    const origin: PreviewPart['origin'] =
      inline !== undefined
        ? { kind: 'inline', location: `${part}.gotmpl` }
        : renderer.loader.origin(type, part);
    try {
      let output: string;
      if (inline !== undefined) {
        const set = parseTemplateSet(
          { [`${part}.gotmpl`]: inline },
          { mode: part === 'email.body' ? 'html' : 'text' },
        );
        output = set.render(`${part}.gotmpl`, model);
        if (part === 'email.subject') output = output.trim();
      } else if (type === 'stub') {
        const email = await renderer.renderEmail(type, model);
        output = part === 'sms.body' ? await renderer.renderSms(type, model) : partOf(email, part);
      } else {
        output = await renderer.renderPart(type, part, model);
      }
      return { output, origin };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e), origin };
    }
  };

  if (channel === 'sms') {
    result.sms = await one('sms.body');
  } else {
    for (const [key, part] of EMAIL_PARTS) result[key] = await one(part);
  }
  result.ok = [result.subject, result.plaintext, result.html, result.sms].every((p) => !p || !p.error);
  return result;
}

function partOf(email: { subject: string; plaintext: string; html: string }, part: TemplatePart): string {
  if (part === 'email.subject') return email.subject;
  if (part === 'email.body') return email.html;
  return email.plaintext;
}
