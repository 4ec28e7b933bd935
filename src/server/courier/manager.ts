// The courier the flows call (courier.go QueueEmail, sms.go QueueSMS): renders a template type with
// its Go model, stores the message as `queued`, and tells the dispatcher so local mail arrives at
// once. Rendering errors of the subject or plaintext fail the call, as in Kratos; an HTML body that
// does not render is logged and the mail goes out as text only (Kratos renders it at send time and
// does the same).
import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import type { CourierSettings } from './config';
import { CourierError, INVALID_RECIPIENT, isValidEmailRecipient } from './errors';
import type { Message, MessageType, TemplateType } from './model';
import type { CourierPersister } from './persister';
import {
  type EmailModels,
  type EmailTemplateType,
  type SmsModels,
  type SmsTemplateType,
  templateData,
  templateModel,
} from './templates/model';
import { type PreviewInput, type PreviewResult, previewTemplate } from './templates/preview';
import type { TemplateRenderer } from './templates/render';

export interface QueueEmailInput<T extends EmailTemplateType> {
  templateType: T;
  /** The Go model (`To`, `RecoveryCode`, `ExpiresInMinutes: 15n`, ...). */
  model: EmailModels[T];
  /** The recipient; defaults to model.To (and fills model.To when that is missing). */
  to?: string;
  /** Headers of the request that caused the message, kept for HTTP channel bodies. */
  requestHeaders?: Record<string, string | string[]>;
}

export interface QueueSmsInput<T extends SmsTemplateType> {
  templateType: T;
  model: SmsModels[T];
  to?: string;
  requestHeaders?: Record<string, string | string[]>;
}

export interface CourierDeps {
  persister: CourierPersister;
  settings: CourierSettings;
  renderer: TemplateRenderer;
  clock: Clock;
  logger: Logger;
  publicBaseURL(): URL;
}

type QueuedListener = (m: Message) => void;

export class Courier {
  private readonly listeners = new Set<QueuedListener>();

  constructor(private readonly deps: CourierDeps) {}

  async queueEmail<T extends EmailTemplateType>(input: QueueEmailInput<T>): Promise<Message> {
    const given = input.model as { To?: string };
    const recipient = input.to ?? given.To ?? '';
    // The address is identity data: it stays out of the error, as in Kratos.
    if (!isValidEmailRecipient(recipient)) throw new CourierError(INVALID_RECIPIENT);
    const model = templateModel(input.templateType, 'email', { ...input.model, To: given.To ?? recipient });
    const { renderer } = this.deps;
    let subject: string;
    let plaintext: string;
    let html = '';
    if (input.templateType === 'stub') {
      ({ subject, plaintext, html } = await renderer.renderEmail('stub', model));
    } else {
      [subject, plaintext] = await Promise.all([
        renderer.renderPart(input.templateType, 'email.subject', model),
        renderer.renderPart(input.templateType, 'email.body.plaintext', model),
      ]);
      try {
        html = await renderer.renderPart(input.templateType, 'email.body', model);
      } catch (e) {
        this.deps.logger.error('Unable to get email body from template.', {
          template_type: input.templateType,
          error: e instanceof Error ? e.message : String(e),
        });
      }
    }
    return this.add('email', input.templateType, {
      recipient,
      subject,
      body: plaintext,
      htmlBody: html,
      templateData: templateData(input.templateType, 'email', model),
      requestHeaders: input.requestHeaders,
    });
  }

  async queueSms<T extends SmsTemplateType>(input: QueueSmsInput<T>): Promise<Message> {
    const given = input.model as { To?: string };
    const recipient = input.to ?? given.To ?? '';
    const model = templateModel(input.templateType, 'sms', { ...input.model, To: given.To ?? recipient });
    const body = await this.deps.renderer.renderSms(input.templateType, model);
    return this.add('sms', input.templateType, {
      recipient,
      subject: '',
      body,
      htmlBody: '',
      templateData: templateData(input.templateType, 'sms', model),
      requestHeaders: input.requestHeaders,
    });
  }

  /** Renders a template for the console; problems come back in the result, never as exceptions. */
  preview(input: PreviewInput): Promise<PreviewResult> {
    return previewTemplate(this.deps.renderer, input, {
      publicBase: this.deps.publicBaseURL(),
      now: this.deps.clock.now(),
    });
  }

  /** Forgets parsed templates (the console calls it after writing template files). */
  invalidateTemplates(): void {
    this.deps.renderer.loader.invalidate();
  }

  getMessage(id: string): Message | undefined {
    return this.deps.persister.getMessage(id);
  }

  /** Called after every queued message (the dispatcher wakes up; the console refreshes its inbox). */
  onQueued(listener: QueuedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private add(
    type: MessageType,
    templateType: TemplateType,
    m: {
      recipient: string;
      subject: string;
      body: string;
      htmlBody: string;
      templateData: Record<string, unknown>;
      requestHeaders: Record<string, string | string[]> | undefined;
    },
  ): Message {
    const message = this.deps.persister.addMessage({
      id: randomUUID(),
      type,
      channel: type,
      recipient: m.recipient,
      subject: m.subject,
      body: m.body,
      htmlBody: m.htmlBody,
      templateType,
      templateData: m.templateData,
      requestHeaders: normalizeHeaders(m.requestHeaders),
      createdAt: this.deps.clock.now().toISOString(),
    });
    for (const l of this.listeners) {
      try {
        l(message);
      } catch (e) {
        this.deps.logger.error('courier listener failed', {
          error: e instanceof Error ? e.message : String(e),
        });
      }
    }
    return message;
  }
}

function normalizeHeaders(h: Record<string, string | string[]> | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(h ?? {})) out[k] = Array.isArray(v) ? [...v] : [v];
  return out;
}
