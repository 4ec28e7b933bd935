// Errors raised by the template engine. Messages mirror Go's text/template and html/template
// wording ("template: name:3: unexpected ...") so operators can search for them like Kratos errors.

/** A parse, escape or execution error with a Go-compatible message. */
export class TemplateError extends Error {
  constructor(
    message: string,
    readonly kind: 'parse' | 'exec' | 'escape',
  ) {
    super(message);
    this.name = 'TemplateError';
  }
}

/**
 * Thrown by function implementations (builtins, Sprig). The executor wraps it as
 * `error calling NAME: MESSAGE`, exactly as Go wraps an error returned by a template function.
 */
export class FuncError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FuncError';
  }
}
