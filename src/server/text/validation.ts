// JSON-schema validation messages (the keyword half of text/message_validation.go).
import { goFloat, goQuote } from './gofmt';
import { TextId as T } from './ids';
import { error } from './message';
import type { UiText } from './message';

/** Go's `%v` for the scalar values these messages carry. */
export function goValue(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'number') return goFloat(v);
  return String(v);
}

export const validationGeneric = (reason: string): UiText =>
  error(T.ErrorValidationGeneric, reason, { reason });

export const validationRequired = (property: string): UiText =>
  error(T.ErrorValidationRequired, `Property ${property} is missing.`, { property });

export const validationMinLength = (minLength: number, actualLength: number): UiText =>
  error(T.ErrorValidationMinLength, `length must be >= ${minLength}, but got ${actualLength}`, {
    min_length: minLength,
    actual_length: actualLength,
  });

export const validationMaxLength = (maxLength: number, actualLength: number): UiText =>
  error(T.ErrorValidationMaxLength, `length must be <= ${maxLength}, but got ${actualLength}`, {
    max_length: maxLength,
    actual_length: actualLength,
  });

/** 4000004 (ErrorValidationInvalidFormat): a `pattern` mismatch. */
export const validationPattern = (pattern: string): UiText =>
  error(T.ErrorValidationInvalidFormat, `does not match pattern ${goQuote(pattern)}`, { pattern });

export const validationMinimum = (minimum: number, actual: number): UiText =>
  error(T.ErrorValidationMinimum, `must be >= ${goFloat(minimum)} but found ${goFloat(actual)}`, {
    minimum,
    actual,
  });

export const validationExclusiveMinimum = (minimum: number, actual: number): UiText =>
  error(T.ErrorValidationExclusiveMinimum, `must be > ${goFloat(minimum)} but found ${goFloat(actual)}`, {
    minimum,
    actual,
  });

export const validationMaximum = (maximum: number, actual: number): UiText =>
  error(T.ErrorValidationMaximum, `must be <= ${goFloat(maximum)} but found ${goFloat(actual)}`, {
    maximum,
    actual,
  });

export const validationExclusiveMaximum = (maximum: number, actual: number): UiText =>
  error(T.ErrorValidationExclusiveMaximum, `must be < ${goFloat(maximum)} but found ${goFloat(actual)}`, {
    maximum,
    actual,
  });

/** 4000022: note the text names the actual value first, the base second. */
export const validationMultipleOf = (base: number, actual: number): UiText =>
  error(T.ErrorValidationMultipleOf, `${goFloat(actual)} not multipleOf ${goFloat(base)}`, { base, actual });

export const validationMaxItems = (maxItems: number, actualItems: number): UiText =>
  error(T.ErrorValidationMaxItems, `maximum ${maxItems} items allowed, but found ${actualItems} items`, {
    max_items: maxItems,
    actual_items: actualItems,
  });

export const validationMinItems = (minItems: number, actualItems: number): UiText =>
  error(T.ErrorValidationMinItems, `minimum ${minItems} items allowed, but found ${actualItems} items`, {
    min_items: minItems,
    actual_items: actualItems,
  });

export const validationUniqueItems = (indexA: number, indexB: number): UiText =>
  error(T.ErrorValidationUniqueItems, `items at index ${indexA} and ${indexB} are equal`, {
    index_a: indexA,
    index_b: indexB,
  });

export const validationWrongType = (allowedTypes: string[], actualType: string): UiText =>
  error(T.ErrorValidationWrongType, `expected ${allowedTypes.join(' or ')}, but got ${actualType}`, {
    allowed_types: allowedTypes,
    actual_type: actualType,
  });

/** 4000029. Kratos passes the expected value as the string it cut out of the validator's message. */
export const validationConst = (expected: unknown): UiText =>
  error(T.ErrorValidationConst, `must be equal to constant ${goValue(expected)}`, { expected });

export const validationConstGeneric = (): UiText => error(T.ErrorValidationConstGeneric, 'const failed');

export const validationEmail = (value: string): UiText =>
  error(T.ErrorValidationEmail, 'Enter a valid email address', { value });

export const validationPhone = (value: string): UiText =>
  error(T.ErrorValidationPhone, 'Enter a valid phone number', { value });
