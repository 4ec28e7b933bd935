// Errors shown by the error UI (selfservice/errorx): stored when a browser flow fails outside a form.

export interface ErrorContainer {
  id: string;
  /** The inner herodot error object. */
  error: Record<string, unknown>;
  created_at: string;
  updated_at: string;
}

export interface ErrorPersister {
  createError(e: ErrorContainer, csrfToken: string): void;
  readError(id: string, now: string): ErrorContainer | undefined;
}
