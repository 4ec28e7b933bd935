// Validation errors as form messages (ui/container/container.go ParseError and translateValidationError).
import { KratosError } from '../errors/errors';
import { SchemaValidationError } from '../schema/validation-error';
import type { SchemaValidationLeaf } from '../schema/validation-error';
import { identityDisabled } from '../text/login';
import type { UiText } from '../text/message';
import * as v from '../text/validation';
import { addMessage } from './container';
import type { UiContainer } from './types';

/**
 * jsonschemax.JSONPointerToDotNotation: "#/traits/email" → "traits.email"; segments are unescaped (~1, ~0,
 * %XX) and dots inside them escaped as "\.". Returns undefined for pointers that are not "#/...".
 */
export function pointerToDotNotation(pointer: string): string | undefined {
  if (!pointer.startsWith('#/')) return undefined;
  const segments = pointer.slice(2).split('/');
  const out: string[] = [];
  for (const raw of segments) {
    let seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    try {
      seg = decodeURIComponent(seg);
    } catch {
      return undefined;
    }
    out.push(seg.replace(/\./g, '\\.'));
  }
  return out.join('.');
}

/**
 * Puts a message on the node an instance pointer addresses, or on the container for "#" and "#/" (and any
 * pointer Kratos could not convert). Unknown nodes are created as text inputs in group `default`.
 */
export function addMessageAtPointer(c: UiContainer, message: UiText, instancePtr: string): void {
  addMessage(c, message, pointerToDotNotation(instancePtr));
}

// fmt.Sscanf as translateValidationError uses it: values are read one after another and a value that
// cannot be read keeps Kratos's -1 default (and so do all after it).
const INT = '([+-]?\\d+)';
const FLOAT = '([+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)';

function scan(message: string, parts: string[], defaults: number[]): number[] {
  const values = [...defaults];
  let rest = message;
  for (let i = 0; i < parts.length; i++) {
    const m = new RegExp(`^${parts[i]}`).exec(rest);
    if (!m) break;
    values[i] = Number(m[1]);
    rest = rest.slice(m[0].length);
  }
  return values;
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const lit = (s: string, value: string): string => escapeRe(s) + value;

const FORMAT_MESSAGE = /"([^"]+)"\s+is not valid\s+"([^"]+)"/;

function unquoteGo(s: string): string | undefined {
  const m = /^"((?:[^"\\]|\\.)*)"/.exec(s);
  if (!m) return undefined;
  try {
    return JSON.parse(`"${m[1]}"`) as string;
  } catch {
    return undefined;
  }
}

/** translateValidationError: the keyword (last schema pointer segment) picks the message id. */
export function translateValidationLeaf(leaf: SchemaValidationLeaf): UiText {
  const keyword = leaf.schemaPtr.split('/').pop() || leaf.keyword;
  const m = leaf.message;
  switch (keyword) {
    case 'minLength': {
      const [min, actual] = scan(m, [lit('length must be >= ', INT), lit(', but got ', INT)], [-1, -1]);
      return v.validationMinLength(min as number, actual as number);
    }
    case 'maxLength': {
      const [max, actual] = scan(m, [lit('length must be <= ', INT), lit(', but got ', INT)], [-1, -1]);
      return v.validationMaxLength(max as number, actual as number);
    }
    case 'pattern': {
      const pattern =
        typeof leaf.params.pattern === 'string'
          ? leaf.params.pattern
          : (unquoteGo(m.replace(/^does not match pattern /, '')) ?? '');
      return v.validationPattern(pattern);
    }
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
    case 'exclusiveMaximum': {
      const op = { minimum: '>=', exclusiveMinimum: '>', maximum: '<=', exclusiveMaximum: '<' }[keyword];
      const [limit, actual] = scan(m, [lit(`must be ${op} `, FLOAT), lit(' but found ', FLOAT)], [-1, -1]);
      const make = {
        minimum: v.validationMinimum,
        exclusiveMinimum: v.validationExclusiveMinimum,
        maximum: v.validationMaximum,
        exclusiveMaximum: v.validationExclusiveMaximum,
      }[keyword];
      return make(limit as number, actual as number);
    }
    case 'multipleOf': {
      const [actual, base] = scan(m, [FLOAT, lit(' not multipleOf ', FLOAT)], [-1, -1]);
      return v.validationMultipleOf(base as number, actual as number);
    }
    case 'maxItems':
    case 'minItems': {
      const word = keyword === 'maxItems' ? 'maximum' : 'minimum';
      const [limit, actual] = scan(
        m,
        [lit(`${word} `, INT), lit(' items allowed, but found ', INT)],
        [-1, -1],
      );
      return keyword === 'maxItems'
        ? v.validationMaxItems(limit as number, actual as number)
        : v.validationMinItems(limit as number, actual as number);
    }
    case 'uniqueItems': {
      const [a, b] = scan(m, [lit('items at index ', INT), lit(' and ', INT)], [-1, -1]);
      return v.validationUniqueItems(a as number, b as number);
    }
    case 'type': {
      const rest = m.startsWith('expected ') ? m.slice('expected '.length) : m;
      const cut = rest.indexOf(', but got ');
      const allowed = cut >= 0 ? rest.slice(0, cut) : rest;
      const actual = cut >= 0 ? rest.slice(cut + ', but got '.length) : '';
      return v.validationWrongType(allowed.split(' or '), actual);
    }
    case 'const':
      if (m !== 'const failed') {
        return v.validationConst(m.startsWith('value must be ') ? m.slice('value must be '.length) : m);
      }
      return v.validationConstGeneric();
    case 'format': {
      const f = FORMAT_MESSAGE.exec(m);
      if (!f) return v.validationGeneric(m);
      if (f[2] === 'email' || f[2] === 'email_loose') return v.validationEmail(f[1] as string);
      if (f[2] === 'tel') return v.validationPhone(f[1] as string);
      return v.validationGeneric(m);
    }
    default:
      return v.validationGeneric(m);
  }
}

/**
 * The messages of a schema validation error on the container: each failed keyword on the node its instance
 * pointer names (missing properties on the missing property's node), root errors on the container.
 */
export function messagesFromValidationError(err: SchemaValidationError, c: UiContainer): void {
  for (const leaf of err.leaves()) {
    if (leaf.keyword === 'required') {
      const missing = Array.isArray(leaf.params.missing) ? leaf.params.missing.map(String) : [];
      for (const name of missing) {
        const escaped = name.replace(/~/g, '~0').replace(/\//g, '~1');
        const pointer = `${leaf.instancePtr === '#' ? '#' : leaf.instancePtr}/${escaped}`;
        addMessageAtPointer(c, v.validationRequired(escaped), pointer);
      }
      continue;
    }
    addMessageAtPointer(c, translateValidationLeaf(leaf), leaf.instancePtr);
  }
}

/**
 * UI messages Kratos already knows at a pointer (schema.ValidationError with Messages, e.g. invalid
 * credentials at "#/" or webhook messages at "#/traits/email").
 */
export class UiMessagesError extends Error {
  constructor(
    readonly instancePtr: string,
    readonly messages: UiText[],
  ) {
    super(messages.map((m) => m.text).join('\n'));
    this.name = 'UiMessagesError';
  }
}

/**
 * Container.ParseError: returns true when the error became form messages, false when the caller must
 * answer with the error itself. Kratos errors: identity_disabled → 4010011, any other 400 → 4000001 with
 * its reason.
 */
export function parseError(c: UiContainer, err: unknown): boolean {
  if (err instanceof KratosError) {
    if (err.id === 'identity_disabled') {
      addMessage(c, identityDisabled());
      return true;
    }
    if (err.status === 400) {
      addMessage(c, v.validationGeneric(err.reason ?? ''));
      return true;
    }
    return false;
  }
  if (err instanceof UiMessagesError) {
    for (const m of err.messages) addMessageAtPointer(c, m, err.instancePtr);
    return true;
  }
  if (err instanceof SchemaValidationError) {
    messagesFromValidationError(err, c);
    return true;
  }
  return false;
}
