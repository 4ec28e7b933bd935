// A delivery channel (courier/channel.go) and the error a failed delivery leaves in the message's
// dispatch record: herodot's DefaultError JSON, as Kratos stores it.
import type { DispatchError, Message } from '../model';

export interface Channel {
  readonly id: string;
  /** Delivers the message or throws a DispatchFailure. */
  dispatch(msg: Message): Promise<void>;
}

export class DispatchFailure extends Error {
  constructor(
    readonly error: DispatchError,
    /** The message must not be retried (an SMTP 5xx answer, an invalid recipient). */
    readonly abandon = false,
  ) {
    super(error.reason ? `${error.reason}: ${error.message}` : error.message);
    this.name = 'DispatchFailure';
  }
}

/** herodot.ToDefaultError(err): a 500 whose message is the error text, with an optional reason. */
export function internalError(message: string, reason?: string): DispatchError {
  return { code: 500, status: 'Internal Server Error', ...(reason ? { reason } : {}), message };
}

/** Turns anything thrown during a dispatch into the dispatch record's error. */
export function toDispatchFailure(err: unknown): DispatchFailure {
  if (err instanceof DispatchFailure) return err;
  return new DispatchFailure(internalError(err instanceof Error ? err.message : String(err)));
}
