// Picks the channel a message goes out on by its channel id (courier_dispatcher.go channels()).
import type { Logger } from '../../logger';
import type { ChannelConfig } from '../config';
import { type Channel, DispatchFailure, internalError } from './channel';
import { HttpChannel } from './http';
import { SmtpChannel } from './smtp';

export { type Channel, DispatchFailure, toDispatchFailure } from './channel';

export function resolveChannel(
  channels: ChannelConfig[],
  id: string,
  deps: { logger: Logger; fetch?: typeof fetch },
): Channel {
  const cfg = channels.find((c) => c.id === id);
  if (!cfg) throw new DispatchFailure(internalError(`no courier channels configured for: ${id}`));
  switch (cfg.type) {
    case 'smtp':
      return new SmtpChannel(cfg.smtp, deps.logger);
    case 'http':
      return new HttpChannel(cfg.id, cfg.request, deps.logger, deps.fetch);
  }
}
