// Message JSON as the admin API writes it: Kratos's field order, Go times, redaction outside dev mode.
import { describe, expect, it } from 'vitest';
import { type Message, messageJSON, parseMessageStatus, REDACTED } from './model';

const message: Message = {
  id: '0b3c4a1e-6d2f-4f7a-9b8c-1d2e3f4a5b6c',
  status: 'sent',
  type: 'email',
  channel: 'email',
  recipient: 'ada@example.com',
  subject: 'Use code 123456 to log in',
  body: 'Login to your account with the following code:\n\n123456\n',
  htmlBody: '<p>html</p>',
  templateType: 'login_code_valid',
  templateData: { to: 'ada@example.com', login_code: '123456' },
  requestHeaders: {},
  sendCount: 1,
  nextAttemptAt: null,
  createdAt: '2026-11-21T10:00:00.120Z',
  updatedAt: '2026-11-21T10:00:01.000Z',
  dispatches: [
    {
      id: 'd1',
      messageId: '0b3c4a1e-6d2f-4f7a-9b8c-1d2e3f4a5b6c',
      status: 'success',
      error: null,
      createdAt: '2026-11-21T10:00:01.000Z',
      updatedAt: '2026-11-21T10:00:01.000Z',
    },
    {
      id: 'd0',
      messageId: '0b3c4a1e-6d2f-4f7a-9b8c-1d2e3f4a5b6c',
      status: 'failed',
      error: { code: 500, status: 'Internal Server Error', message: 'boom' },
      createdAt: '2026-11-21T10:00:00.500Z',
      updatedAt: '2026-11-21T10:00:00.500Z',
    },
  ],
};

describe('messageJSON', () => {
  it('case=dev mode shows body and subject, in Kratos field order', () => {
    const json = messageJSON(message, { redact: false });
    expect(Object.keys(json)).toEqual([
      'id',
      'status',
      'type',
      'recipient',
      'body',
      'subject',
      'template_type',
      'channel',
      'send_count',
      'dispatches',
      'created_at',
      'updated_at',
    ]);
    expect(json).toMatchObject({
      body: message.body,
      subject: message.subject,
      created_at: '2026-11-21T10:00:00.12Z',
    });
    expect(json.dispatches).toEqual([
      {
        id: 'd1',
        message_id: message.id,
        status: 'success',
        created_at: '2026-11-21T10:00:01Z',
        updated_at: '2026-11-21T10:00:01Z',
      },
      {
        id: 'd0',
        message_id: message.id,
        status: 'failed',
        error: { code: 500, status: 'Internal Server Error', message: 'boom' },
        created_at: '2026-11-21T10:00:00.5Z',
        updated_at: '2026-11-21T10:00:00.5Z',
      },
    ]);
    expect(JSON.stringify(json)).not.toContain('html');
  });

  it('case=outside dev mode body and subject are redacted', () => {
    const json = messageJSON(message, { redact: true });
    expect(json.body).toBe(REDACTED);
    expect(json.subject).toBe('<redacted-unless-dev-mode>');
    expect(json.recipient).toBe('ada@example.com');
  });

  it('case=no dispatches: the key is omitted', () => {
    expect(messageJSON({ ...message, dispatches: [] }, { redact: false })).not.toHaveProperty('dispatches');
    expect(messageJSON({ ...message, dispatches: undefined }, { redact: false })).not.toHaveProperty(
      'dispatches',
    );
  });
});

describe('parseMessageStatus', () => {
  it.each(['queued', 'sent', 'processing', 'abandoned'])('case=%s', (s) => {
    expect(parseMessageStatus(s)).toBe(s);
  });
  it.each(['', 'Queued', 'bogus', 'sent '])('case=%j is a 400', (s) => {
    expect(() => parseMessageStatus(s)).toThrow(
      expect.objectContaining({ status: 400, reason: 'Message status is not valid' }),
    );
  });
});
