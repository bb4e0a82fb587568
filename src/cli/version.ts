import { readFileSync } from 'node:fs';
import { projectRoot } from '../core/paths.js';
import { join } from 'node:path';

export function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}
