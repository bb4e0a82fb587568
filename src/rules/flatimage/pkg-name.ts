import { isScalar } from 'yaml';
import { defineRule } from '../../core/rule.js';
import { baseImages } from '../../flatimage/base-images.js';
import { IMAGE_EXTENSIONS } from '../../flatimage/formats.js';
import { isFlatImageRecipe } from '../../flatimage/recipe-kind.js';
import { closest, didYouMean } from '../../text/near-miss.js';
import { nodeSpan, type Span } from '../../recipe/recipe.js';
import { scalarContentSpan } from '../../recipe/scalar-text.js';

const SCHEMA = '<name>-<base>[-<modifier>…]';

export default defineRule({
  id: 'flatimage/pkg-name',
  description: 'A FlatImage pkg is <name>-<base>[-<modifier>…] with a known base image',
  severity: 'error',
  fixable: 'safe',
  async check({ recipe, settings, report }) {
    const node = recipe.node(['pkg']);
    if (!isScalar(node) || typeof node.value !== 'string' || node.value === '' || !(await isFlatImageRecipe(recipe))) return;
    const content = scalarContentSpan(recipe, node);
    const span = (from: number, to: number): Span => (content ? { start: content.start + from, end: content.start + to } : nodeSpan(node));
    const bases = baseImages(settings.flatimage?.extraBaseImages);
    let pkg = node.value;

    const extension = IMAGE_EXTENSIONS.find((ending) => pkg.toLowerCase().endsWith(ending));
    if (extension) {
      const at = span(pkg.length - extension.length, pkg.length);
      report({
        message: `pkg '${pkg}' includes the file extension '${pkg.slice(-extension.length)}': pkg is the package name; the builder adds the extension to \${SBUILD_PKG}`,
        at,
        // The name the package is published under changes with it: the maintainer confirms.
        ...(content ? { fix: { ...at, text: '' }, fixSafety: 'unsafe' as const } : {}),
      });
      pkg = pkg.slice(0, -extension.length);
    }

    const segments = pkg.split('-');
    const offsets: number[] = [];
    let offset = 0;
    for (const segment of segments) {
      offsets.push(offset);
      offset += segment.length + 1;
    }
    const lengths = lengthsOf(bases);
    const base = findBase(segments, bases, lengths);
    if (segments[0] === '') {
      report({ message: `pkg '${pkg}' has an empty name before the base image: a FlatImage pkg is ${SCHEMA}, e.g. 'firefox-alpine'`, at: span(0, 1) });
      return;
    }
    if (base) {
      const written = segments.slice(base.index, base.index + base.length).join('-');
      const at = span(offsets[base.index]!, offsets[base.index]! + written.length);
      if (written !== base.name) report({ message: `Base image '${written}' in pkg must be lowercase: '${base.name}'`, at, ...(content ? { fix: { ...at, text: base.name } } : {}) });
      const empty = segments.findIndex((segment, index) => segment === '' && index > 0);
      if (empty !== -1) report({ message: `pkg '${pkg}' has an empty segment ('--' or a trailing '-'): a FlatImage pkg is ${SCHEMA}`, at: span(offsets[empty]! - 1, offsets[empty]!) });
      return;
    }

    const known = `known base images: ${bases.join(', ')}`;
    if (segments.length === 1) {
      report({ message: `pkg '${pkg}' names no base image: a FlatImage pkg is ${SCHEMA}, e.g. '${pkg}-alpine' (${known})`, at: span(0, pkg.length) });
      return;
    }
    const basesOfLength = new Map(lengths.map((length) => [length, bases.filter((name) => name.split('-').length === length)]));
    for (let index = 1; index < segments.length; index++) {
      for (const length of lengths) {
        if (index + length > segments.length) continue;
        const candidate = segments.slice(index, index + length).join('-');
        const suggestion = closest(candidate, basesOfLength.get(length)!);
        if (!suggestion) continue;
        report({ message: `Unknown base image '${candidate}' in pkg '${pkg}'; ${didYouMean([suggestion])}`, at: span(offsets[index]!, offsets[index]! + candidate.length) });
        return;
      }
    }
    const last = segments[segments.length - 1]!;
    const at = segments.length === 2 ? span(offsets[1]!, pkg.length) : span(0, pkg.length);
    const subject = segments.length === 2 ? `Unknown base image '${last}' in pkg '${pkg}'` : `pkg '${pkg}' names no known base image`;
    report({ message: `${subject}: a FlatImage pkg is ${SCHEMA} (${known}; flatimage.extraBaseImages in the configuration adds more)`, at });
  },
});

/** The right-most run of segments (after the name) that spells a base image, compared case-insensitively. */
function findBase(segments: string[], bases: string[], lengths: number[]): { index: number; length: number; name: string } | undefined {
  for (let index = segments.length - 1; index >= 1; index--) {
    for (const length of lengths) {
      if (index + length > segments.length) continue;
      const candidate = segments.slice(index, index + length).join('-').toLowerCase();
      if (bases.includes(candidate)) return { index, length, name: candidate };
    }
  }
  return undefined;
}

/** How many '-'-separated segments base image names have, longest first (`void-glibc` has two). */
function lengthsOf(bases: string[]): number[] {
  return [...new Set(bases.map((name) => name.split('-').length))].sort((a, b) => b - a);
}
