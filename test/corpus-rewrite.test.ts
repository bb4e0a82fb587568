import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/core/lint.js';
import { loadRules } from '../src/core/registry.js';
import { IMAGE_FORMATS } from '../src/flatimage/formats.js';
import { corpusFiles, corpusRoot, hasCorpus, testConfig } from './helpers.js';

const rule = 'flatimage/no-binary-rewrite';

if (!hasCorpus) console.warn(`corpus tests skipped: ${corpusRoot} does not exist`);

/** The recipe with its image `pkg_type` (or the `pkg_type` it lacks) changed to `flatimage`, or undefined for other types. */
function asFlatImage(text: string): string | undefined {
  const type = /^pkg_type:\s*["']?([a-z]+)["']?\s*$/m.exec(text)?.[1];
  if (type === undefined || !(IMAGE_FORMATS as readonly string[]).includes(type)) return undefined;
  return text.replace(/^pkg_type:.*$/m, 'pkg_type: "flatimage"');
}

describe.skipIf(!hasCorpus)(`${rule} on the soarpkgs corpus`, () => {
  it('finds no rewrite in any recipe as written, nor in the image recipes turned into FlatImages', async () => {
    const rules = (await loadRules()).filter((each) => each.id === rule);
    const config = testConfig();
    const found: string[] = [];
    let converted = 0;
    for (const path of corpusFiles()) {
      const text = readFileSync(path, 'utf8');
      const flat = asFlatImage(text);
      if (flat !== undefined) converted++;
      for (const [variant, source] of [['as written', text], ['as a FlatImage', flat]] as const) {
        if (source === undefined) continue;
        const { result } = await lintText(path, source, { config, rules });
        for (const d of result.diagnostics) found.push(`${relative(corpusRoot, path)} (${variant}) ${d.line}:${d.column} ${d.ruleId} ${d.message}`);
      }
    }
    expect(converted).toBeGreaterThan(1000);
    expect(found).toEqual([]);
  });
});
