import { describe, expect, it } from 'vitest';
import { acceptsJson, isJsonRequest, negotiate } from './negotiate';

describe('negotiate', () => {
  it.each([
    [undefined, 'text/html'],
    ['*/*', 'text/html'],
    ['application/json', 'application/json'],
    // Go's NegotiateContentType: the first exact match wins ties, so axios's default Accept picks text/plain.
    ['application/json, text/plain, */*', 'text/plain'],
    ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'text/html'],
    ['text/plain', 'text/plain'],
  ])('case=%s', (accept, expected) => {
    expect(negotiate(accept, ['text/html', 'text/plain', 'application/json'], 'text/html')).toBe(expected);
  });

  it('case=acceptsJson needs an explicit JSON preference', () => {
    expect(acceptsJson(undefined)).toBe(false);
    expect(acceptsJson('*/*')).toBe(false);
    expect(acceptsJson('application/json')).toBe(true);
  });

  it('case=isJsonRequest also looks at the content type', () => {
    expect(isJsonRequest(undefined, 'application/json')).toBe(true);
    expect(isJsonRequest(undefined, 'application/json; charset=utf-8')).toBe(true);
    expect(isJsonRequest(undefined, 'application/x-www-form-urlencoded')).toBe(false);
  });
});
