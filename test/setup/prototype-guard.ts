// Fails any test after which Object.prototype carries a new key: `__proto__`, `constructor` and
// `prototype` in request bodies must never pollute it (security.md requirement 25).
import { afterEach, expect } from 'vitest';

const baseline = Object.getOwnPropertyNames(Object.prototype).sort();

afterEach(() => {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(baseline);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});
