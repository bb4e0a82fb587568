import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** Every file of the corpus but its LICENSE, sorted. */
export function corpusFiles(corpus: string): string[] {
  const files: string[] = [];
  const walk = (directory: string) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name !== 'LICENSE') files.push(path);
    }
  };
  walk(corpus);
  return files.sort();
}

/**
 * Writes `copies` copies of the corpus under `target/copy-<n>/`, every file named `.yaml` (so that a directory walk
 * finds them all) and each copy a little different: another package name, a comment, a changed description.
 */
export function writeSyntheticRepository(corpus: string, files: readonly string[], target: string, copies: number): number {
  let written = 0;
  for (let copy = 0; copy < copies; copy++) {
    for (const file of files) {
      const name = relative(corpus, file);
      // `x.yaml.disabled` becomes `x.disabled.yaml`: no clash with a live `x.yaml` beside it.
      const yamlName = name.endsWith('.yaml') ? name : `${name.replace(/\.yaml(?=\.[^./]+$)/, '')}.yaml`;
      const path = join(target, `copy-${copy}`, yamlName);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, vary(readFileSync(file, 'utf8'), copy));
      written++;
    }
  }
  return written;
}

function vary(text: string, copy: number): string {
  if (copy === 0) return text;
  return (
    text
      .replace(/^(pkg:\s*["']?)([\w.+-]+)/m, `$1$2-v${copy}`)
      .replace(/^(description:\s*["']?)/m, `$1(variant ${copy}) `) + `\n# synthetic copy ${copy}\n`
  );
}
