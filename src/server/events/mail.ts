// The mail sink keeps its own event stream (MailHog/Mailpit clients read it with bodies); the live stream
// carries the same changes as `mail` and `sms` topics so the console needs only one connection.
import type { MailSinkEvents } from '../mailsink/events';
import type { LiveEventPublisher } from './bus';

export function bridgeMailSinkEvents(sink: { events: MailSinkEvents }, bus: LiveEventPublisher): () => void {
  return sink.events.subscribe((e) => {
    const [topic, action] = e.type.split('.') as ['message' | 'sms', string];
    const liveTopic = topic === 'message' ? 'mail' : 'sms';
    const d = e.data as { id?: unknown; ids?: unknown };
    const ids = Array.isArray(d.ids) ? d.ids.map(String) : typeof d.id === 'string' ? [d.id] : undefined;
    bus.publish(liveTopic, action, ids);
  });
}
