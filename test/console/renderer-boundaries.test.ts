// ARCHITECTURE.md convention 8: renderer feature folders never import each other (shared code lives in
// src/renderer/{api,components,lib}); the app/ folder composes them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const featuresDir = resolve(import.meta.dirname, '../../src/renderer/features');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('renderer feature boundaries', () => {
  it('case=no feature imports another feature', () => {
    const problems: string[] = [];
    for (const feature of readdirSync(featuresDir)) {
      for (const file of files(join(featuresDir, feature))) {
        for (const m of readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)) {
          const spec = m[1] ?? '';
          if (!spec.startsWith('.')) continue;
          const target = relative(featuresDir, resolve(file, '..', spec));
          const targetFeature = target.startsWith('..') ? undefined : target.split(/[\\/]/)[0];
          if (targetFeature && targetFeature !== feature)
            problems.push(`${relative(featuresDir, file)} imports ${spec}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
