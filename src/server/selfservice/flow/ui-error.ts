// Shorthands for errors that become UI messages in a flow (ui/validation.ts implements ParseError).
import { KratosError } from '../../errors/errors';
import { SchemaValidationError } from '../../schema/validation-error';
import type { UiText } from '../../text/message';
import { UiMessagesError } from '../../ui/validation';

export { parseError as applyErrorToUi } from '../../ui/validation';

/** A message for the whole form, or for one node (`node` is its name, e.g. "password", "traits.email"). */
export function uiError(text: UiText, node?: string): UiMessagesError {
  return new UiMessagesError(node ? `#/${node.split('.').join('/')}` : '#/', [text]);
}

/** "Property X is missing." on each missing field, as a failed `required` keyword reports it. */
export function requiredFields(names: string[]): SchemaValidationError {
  return new SchemaValidationError({
    instancePtr: '#',
    schemaPtr: '#/required',
    keyword: 'required',
    message: `missing properties: ${names.map((n) => JSON.stringify(n)).join(', ')}`,
    params: { missing: names },
    causes: [],
  });
}

/** The status a flow answers with after an error became UI messages (x.RecoverStatusCode(err, 400)). */
export function statusOf(err: unknown): number {
  return err instanceof KratosError ? err.status : 400;
}
