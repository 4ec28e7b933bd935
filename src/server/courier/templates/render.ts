// Renders a template type's email (subject, plaintext, HTML) or SMS text from its Go model, like
// the EmailSubject/EmailBody/EmailBodyPlaintext/SMSBody methods of Kratos's template types.
import type { TemplatePart } from '../config';
import type { TemplateType } from '../model';
import type { TemplateLoader } from './loader';
import type { JsonObject } from './model';

export interface RenderedEmail {
  subject: string;
  plaintext: string;
  html: string;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export class TemplateRenderer {
  constructor(readonly loader: TemplateLoader) {}

  /** One file rendered with the model. Throws TemplateError / TemplateSourceError. */
  async renderPart(type: TemplateType, part: TemplatePart, model: JsonObject): Promise<string> {
    const t = await this.loader.load(type, part);
    const out = t.set.render(t.root, model);
    // Kratos trims the subject only (strings.TrimSpace in EmailSubject).
    return part === 'email.subject' ? out.trim() : out;
  }

  async renderEmail(type: TemplateType, model: JsonObject): Promise<RenderedEmail> {
    if (type === 'stub') {
      // TestStub returns its fields; the HTML body falls back to the plaintext one.
      return {
        subject: str(model.Subject),
        plaintext: str(model.Body),
        html: str(model.HTMLBody) || str(model.Body),
      };
    }
    const [subject, plaintext, html] = await Promise.all([
      this.renderPart(type, 'email.subject', model),
      this.renderPart(type, 'email.body.plaintext', model),
      this.renderPart(type, 'email.body', model),
    ]);
    return { subject, plaintext, html };
  }

  async renderSms(type: TemplateType, model: JsonObject): Promise<string> {
    if (type === 'stub') return str(model.Body);
    return this.renderPart(type, 'sms.body', model);
  }
}
