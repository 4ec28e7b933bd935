// What the courier needs from storage (consumer-declared, ARCHITECTURE.md convention 2). Every state
// change is one atomic statement, so two dispatch loops (or two processes on one database file) can
// never both claim a message.
import type { DispatchError, DispatchStatus, Message, MessageDispatch, MessageStatus } from './model';

export type NewMessage = Omit<Message, 'status' | 'sendCount' | 'nextAttemptAt' | 'updatedAt' | 'dispatches'>;

/** A keyset position in the `created_at DESC, id ASC` order of the admin list. */
export interface MessageCursor {
  createdAt: string;
  id: string;
}

export interface ListMessagesQuery {
  status?: MessageStatus;
  recipient?: string;
  /** Return messages strictly after this position. */
  after: MessageCursor;
  limit: number;
}

export interface ClaimOptions {
  limit: number;
  /** Messages whose next attempt is due at or before this instant are claimed. */
  now: string;
  /** `processing` messages last touched before this instant are requeued first (a crashed sender). */
  staleBefore: string;
}

export interface FinishAttempt {
  id: string;
  now: string;
  dispatch: { id: string; status: DispatchStatus; error: DispatchError | null };
  /** The message's next status: `sent`, `queued` (retry) or `abandoned`. */
  status: Extract<MessageStatus, 'sent' | 'queued' | 'abandoned'>;
  /** For a retry: when the next attempt is due. */
  nextAttemptAt?: string | null;
}

export interface CourierPersister {
  /** Stores a new message with status `queued` and send_count 0. */
  addMessage(m: NewMessage): Message;
  /** Atomically moves due `queued` messages to `processing` (oldest first) and returns them. */
  claimMessages(opts: ClaimOptions): Message[];
  /** send_count + 1, atomically; returns the new count (undefined for an unknown id). */
  incrementSendCount(id: string, now: string): number | undefined;
  /** Records a dispatch and moves a `processing` message to its next status, in one transaction. */
  finishAttempt(f: FinishAttempt): void;
  /** Sets a message's status (only when it currently has status `from`, if given); false if unchanged. */
  setMessageStatus(id: string, status: MessageStatus, now: string, from?: MessageStatus): boolean;
  /** One message with its dispatches (newest first). */
  getMessage(id: string): Message | undefined;
  listMessages(q: ListMessagesQuery): Message[];
  /** Dispatch records of a message, newest first. */
  listDispatches(messageId: string): MessageDispatch[];
}
