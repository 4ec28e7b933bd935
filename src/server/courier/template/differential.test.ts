// Differential tests against real Go text/template (compiled to wasm, see corpus.test-data.ts).

import { parse, InvalidTemplateError, TemplatingError } from '@evertdespiegeleer/go-template';
import { describe, expect, it } from 'vitest';
import { CORPUS } from './corpus.test-data';
import { parseTemplateSet } from './index';

type Outcome = { ok: string } | { parseError: string } | { execError: string };

// The oracle reports exec errors as the text after `executing "tpl" at <...>: `.
const EXEC_TAIL = /executing "tpl" at <.+?>: (.+)/;

async function goRender(tpl: string, data: unknown): Promise<Outcome> {
  try {
    return { ok: await parse(tpl, data ?? {}) };
  } catch (e) {
    if (e instanceof InvalidTemplateError)
      return { parseError: e.message.replace(/^Template parse error: /, '') };
    if (e instanceof TemplatingError) return { execError: e.message ?? '' };
    throw e;
  }
}

function ourRender(tpl: string, data: unknown): Outcome {
  let set;
  try {
    set = parseTemplateSet({ tpl }, { mode: 'text', funcs: 'none', missingKey: 'error' });
  } catch (e) {
    return { parseError: (e as Error).message };
  }
  try {
    // The oracle round-trips data through JSON, so numbers are float64 on both sides.
    return { ok: set.render('tpl', JSON.parse(JSON.stringify(data ?? {})) as unknown) };
  } catch (e) {
    return { execError: EXEC_TAIL.exec((e as Error).message)?.[1] ?? '' };
  }
}

describe('differential: Go text/template', () => {
  it('has a corpus of at least 80 templates with unique names', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(80);
    expect(new Set(CORPUS.map((c) => c.name)).size).toBe(CORPUS.length);
  });

  for (const c of CORPUS) {
    it(`case=${c.name}`, async () => {
      const want = await goRender(c.tpl, c.data);
      const got = ourRender(c.tpl, c.data);
      expect(got).toEqual(want);
    });
  }
});
